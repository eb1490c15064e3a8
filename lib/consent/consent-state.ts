import { CONSENT_PURPOSES, type ConsentPurpose } from "@/db/schema/privacy";

/** The purposes a member may answer yes or no to; research is the one they must accept to take part. */
export const OPTIONAL_PURPOSES = ["quotes", "contact", "panels"] as const satisfies readonly ConsentPurpose[];
export type OptionalPurpose = (typeof OPTIONAL_PURPOSES)[number];
export const isOptionalPurpose = (purpose: string): purpose is OptionalPurpose => (OPTIONAL_PURPOSES as readonly string[]).includes(purpose);

/** A program's texts for one purpose: its newest version, and the newest one that changed what is asked. */
export interface PurposeVersions {
  purpose: ConsentPurpose;
  latestVersion: number;
  latestMaterialVersion: number;
}

/** A member's latest decision on one purpose. */
export interface LatestRecord {
  purpose: ConsentPurpose;
  version: number;
  granted: boolean;
  decidedAt: Date;
}

/**
 * - granted: they accepted a version at least as new as the latest material one;
 * - refused: they said no (or withdrew) and nothing material changed since;
 * - needs_answer: never asked, or a material version newer than the one they answered;
 * - not_offered: the program has no text for this purpose, so it is not asked and counts as not granted.
 */
export type ConsentStatus = "granted" | "refused" | "needs_answer" | "not_offered";

export interface PurposeState {
  purpose: ConsentPurpose;
  status: ConsentStatus;
  isGranted: boolean;
  latestVersion: number | null;
  /** The version and time of their latest answer, if any. */
  answeredVersion: number | null;
  decidedAt: Date | null;
}

/** The effective state of one purpose: a grant only counts for a version at least as new as the latest material one. */
export function purposeState(purpose: ConsentPurpose, versions: PurposeVersions | undefined, record: LatestRecord | undefined): PurposeState {
  const base = { purpose, latestVersion: versions?.latestVersion ?? null, answeredVersion: record?.version ?? null, decidedAt: record?.decidedAt ?? null };
  if (!versions) return { ...base, status: "not_offered", isGranted: false };
  if (!record || record.version < versions.latestMaterialVersion) return { ...base, status: "needs_answer", isGranted: false };
  return record.granted ? { ...base, status: "granted", isGranted: true } : { ...base, status: "refused", isGranted: false };
}

/** Every purpose's effective state, in catalog order. */
export function consentStates(versions: readonly PurposeVersions[], records: readonly LatestRecord[]): PurposeState[] {
  return CONSENT_PURPOSES.map((purpose) =>
    purposeState(
      purpose,
      versions.find((candidate) => candidate.purpose === purpose),
      records.find((candidate) => candidate.purpose === purpose),
    ),
  );
}

/** Research is required: without it effectively granted, the member may not take part. */
export function mayTakePart(states: readonly PurposeState[]): boolean {
  return states.some((state) => state.purpose === "research" && state.isGranted);
}

/** The purposes a member is asked about again (or for the first time) before taking part. */
export function purposesNeedingAnswer(states: readonly PurposeState[]): ConsentPurpose[] {
  return states.filter((state) => state.status === "needs_answer").map((state) => state.purpose);
}
