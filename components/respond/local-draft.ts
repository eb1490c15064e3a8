import type { Answers } from "@/lib/instruments/answers";
import type { Locale } from "@/lib/i18n/locales";

/** What the device keeps so nothing typed is lost offline or on reload. */
export interface LocalDraft {
  responseId: string;
  answers: Answers;
  locale: Locale;
  screen: number;
  /** Milliseconds since the epoch of the last change on this device. */
  updatedAt: number;
}

export interface ServerResponse {
  id: string;
  status: "in_progress" | "completed";
  answers: Answers;
  locale: Locale;
  updatedAt: string;
}

export const draftKey = (userId: string, instrumentId: string) => `attune.response.${userId}.${instrumentId}`;

export function readDraft(key: string): LocalDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null") as LocalDraft | null;
    return draft && typeof draft.responseId === "string" && typeof draft.answers === "object" ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: LocalDraft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy still holds what was saved.
  }
}

export function clearDraft(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {}
}

export interface ResumeState {
  responseId: string;
  answers: Answers;
  locale: Locale;
  screen: number;
  isCompleted: boolean;
  /** The device holds answers the server has not seen yet. */
  needsSave: boolean;
}

/**
 * Where to continue: the server's saved answers, unless this device changed them later. The
 * server's response id always wins, so two devices never create two responses.
 */
export function resumeState(server: ServerResponse | null, local: LocalDraft | null, locale: Locale, newId: () => string): ResumeState {
  if (server?.status === "completed") return { responseId: server.id, answers: server.answers, locale: server.locale, screen: 0, isCompleted: true, needsSave: false };
  if (server) {
    const isLocalNewer = local !== null && local.updatedAt > Date.parse(server.updatedAt);
    const source = isLocalNewer ? local : { answers: server.answers, locale: server.locale };
    return { responseId: server.id, answers: source.answers, locale: source.locale, screen: local?.responseId === server.id ? local.screen : 0, isCompleted: false, needsSave: isLocalNewer };
  }
  if (local) return { ...local, isCompleted: false, needsSave: Object.keys(local.answers).length > 0 };
  return { responseId: newId(), answers: {}, locale, screen: 0, isCompleted: false, needsSave: false };
}
