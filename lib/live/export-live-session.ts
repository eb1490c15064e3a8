import "server-only";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { answerSummary } from "@/lib/instruments/answer-summary";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { requireIndividualExportAllowed } from "@/lib/consent/require-individual-export";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { AnswerValue } from "@/lib/instruments/answers";
import type { Definition, Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";
import { EXPORT_FORMATS, type Cell } from "@/lib/responses/export-responses";
import { sessionPseudonyms } from "./session-pseudonyms";

export const liveExportSchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("csv"),
  part: z.enum(["answers", "thread"]).default("answers"),
});
export type LiveExportInput = z.input<typeof liveExportSchema>;

const BATCH = 500;
/** Built-in profile attributes lead the attribute columns; an organization's own follow by name. */
const BUILT_IN_ATTRIBUTES = ["region", "language", "ageBand", "tenure"];

interface ExportSession {
  id: string;
  title: string;
  status: string;
  defaultLocale: Locale;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  panelName: string;
  programId: string;
}
interface ExportPoll {
  id: string;
  ordinal: number;
  kind: string;
  status: string;
  openedAt: string | null;
  closedAt: string | null;
  definition: Definition;
  question: Question | undefined;
  prompt: string;
}

/**
 * A session's answers or thread as CSV or XLSX (one row per answer or post), or the whole session as
 * JSON. Participants appear only as per-session pseudonyms (P01…), never by name or email. Needs
 * `responses.export`; every export is audited.
 */
export async function exportLiveSession(db: Db, actor: Actor | null, org: OrgRef, sessionId: string, input: LiveExportInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "responses.export");
  const { format, part } = liveExportSchema.parse(input);
  if (!isUuid(sessionId)) throw new AppError("NOT_FOUND", "notFound");
  const [session] = rowsOf<ExportSession>(
    await db.execute(sql`
      select s.id, s.title, s.status, s.default_locale as "defaultLocale", s.scheduled_at as "scheduledAt", s.started_at as "startedAt", s.ended_at as "endedAt", p.name as "panelName", p.id as "programId"
      from live_sessions s join programs p on p.id = s.program_id
      where s.id = ${sessionId}::uuid and s.organization_id = ${organization.id}::uuid`),
  );
  if (!session) throw new AppError("NOT_FOUND", "notFound");
  // Per-answer rows with pseudonyms are still individual-level: refused for an aggregate-only program.
  await requireIndividualExportAllowed(db, { organizationId: organization.id, actorUserId: userId, programId: session.programId, targetType: "live_session", targetId: session.id, format });
  await recordAudit(db, { organizationId: organization.id, actorUserId: userId, action: "live_session.exported", targetType: "live_session", targetId: session.id, details: { format, part: format === "json" ? "session" : part } });

  const polls = rowsOf<Omit<ExportPoll, "ordinal" | "question" | "prompt">>(
    await db.execute(sql`select id, kind, status, opened_at as "openedAt", closed_at as "closedAt", definition from live_polls where session_id = ${session.id}::uuid order by position, id`),
  ).map((poll, index): ExportPoll => {
    const question = poll.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID);
    return { ...poll, ordinal: index + 1, question, prompt: question ? localize(question.prompt, session.defaultLocale, poll.definition.defaultLocale) : "" };
  });
  const pseudonyms = await sessionPseudonyms(db, session.id);
  const context = { db, session, polls, pseudonyms };
  const base = `live-session-${session.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || session.id}`;

  if (format === "json") return { filename: `${base}.json`, contentType: EXPORT_CONTENT_TYPES.json, body: jsonStream(context) };
  if (part === "thread") {
    const header = ["posted_at", "participant", "status", "highlighted", "text"];
    return { filename: `${base}-thread.${format}`, contentType: EXPORT_CONTENT_TYPES[format], body: exportStream(format, header, threadRows(context)) };
  }
  const attributes = await attributeKeys(db, session.id);
  const header = ["poll_position", "poll_kind", "prompt", "participant", ...attributes, "locale", "answer", "answer_value", "answered_at"];
  return { filename: `${base}-answers.${format}`, contentType: EXPORT_CONTENT_TYPES[format], body: exportStream(format, header, answerRows(context, attributes)) };
}

type ExportContext = { db: Db; session: ExportSession; polls: ExportPoll[]; pseudonyms: Map<string, string> };

async function attributeKeys(db: Db, sessionId: string): Promise<string[]> {
  const keys = rowsOf<{ key: string }>(await db.execute(sql`select distinct jsonb_object_keys(attributes) as key from live_answers where session_id = ${sessionId}::uuid`)).map((row) => row.key);
  const rank = (key: string) => (BUILT_IN_ATTRIBUTES.includes(key) ? BUILT_IN_ATTRIBUTES.indexOf(key) : BUILT_IN_ATTRIBUTES.length);
  return keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

interface AnswerRecord {
  id: number;
  pollId: string;
  userId: string | null;
  value: AnswerValue;
  attributes: Record<string, string>;
  locale: Locale;
  answeredAt: string;
}

/** The session's answers poll by poll, read in keyset batches so memory stays flat. */
async function* answerRecords({ db, session, polls }: ExportContext): AsyncGenerator<AnswerRecord & { poll: ExportPoll }> {
  const byId = new Map(polls.map((poll) => [poll.id, poll]));
  for (const poll of polls) {
    let after = 0;
    for (;;) {
      const batch = rowsOf<AnswerRecord>(
        await db.execute(sql`
          select id, poll_id as "pollId", user_id as "userId", value, attributes, locale, answered_at as "answeredAt"
          from live_answers where session_id = ${session.id}::uuid and poll_id = ${poll.id}::uuid and id > ${after}
          order by id limit ${BATCH}`),
      );
      for (const record of batch) yield { ...record, id: Number(record.id), poll: byId.get(record.pollId)! };
      if (batch.length < BATCH) break;
      after = Number(batch[batch.length - 1].id);
    }
  }
}

function answerLabel(poll: ExportPoll, value: AnswerValue, locale: Locale): string {
  return poll.question ? answerSummary(poll.question, value, locale, poll.definition.defaultLocale, "other").join("; ") : "";
}

function rawValue(value: AnswerValue): Cell {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "choiceIds" in value && Array.isArray(value.choiceIds)) return value.choiceIds.join(";");
  return typeof value === "string" ? value : JSON.stringify(value);
}

async function* answerRows(context: ExportContext, attributes: string[]): AsyncGenerator<Cell[]> {
  for await (const answer of answerRecords(context)) {
    const { poll } = answer;
    const isText = poll.question?.type === "text";
    yield [
      poll.ordinal,
      poll.kind,
      poll.prompt,
      participantOf(context, answer.userId),
      ...attributes.map((key) => answer.attributes[key] ?? null),
      answer.locale,
      answerLabel(poll, answer.value, context.session.defaultLocale),
      isText ? null : rawValue(answer.value),
      iso(answer.answeredAt),
    ];
  }
}

interface PostRecord {
  userId: string | null;
  body: string;
  status: string;
  highlighted: boolean;
  createdAt: string;
}

async function postRecords({ db, session }: ExportContext): Promise<PostRecord[]> {
  return rowsOf<PostRecord>(
    await db.execute(sql`select user_id as "userId", body, status, highlighted, created_at as "createdAt" from live_posts where session_id = ${session.id}::uuid order by created_at, id`),
  );
}

async function* threadRows(context: ExportContext): AsyncGenerator<Cell[]> {
  for (const post of await postRecords(context)) yield [iso(post.createdAt), participantOf(context, post.userId), post.status, post.highlighted ? "yes" : "no", post.body];
}

/** The whole session as one JSON document, written piece by piece (answers in batches). */
function jsonStream(context: ExportContext): ReadableStream<Uint8Array> {
  const { session, polls } = context;
  async function* pieces(): AsyncGenerator<Buffer> {
    const head = {
      session: { id: session.id, title: session.title, panel: session.panelName, status: session.status, defaultLocale: session.defaultLocale, scheduledAt: iso(session.scheduledAt), startedAt: session.startedAt && iso(session.startedAt), endedAt: session.endedAt && iso(session.endedAt) },
      polls: polls.map((poll) => ({ position: poll.ordinal, kind: poll.kind, status: poll.status, openedAt: poll.openedAt && iso(poll.openedAt), closedAt: poll.closedAt && iso(poll.closedAt), definition: poll.definition })),
    };
    yield Buffer.from(`${JSON.stringify(head).slice(0, -1)},"answers":[`);
    let first = true;
    for await (const answer of answerRecords(context)) {
      const record = { poll: answer.poll.ordinal, participant: participantOf(context, answer.userId), attributes: answer.attributes, locale: answer.locale, value: answer.value, label: answerLabel(answer.poll, answer.value, session.defaultLocale), answeredAt: iso(answer.answeredAt) };
      yield Buffer.from(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`);
      first = false;
    }
    const thread = (await postRecords(context)).map((post) => ({ postedAt: iso(post.createdAt), participant: participantOf(context, post.userId), status: post.status, highlighted: post.highlighted, text: post.body }));
    yield Buffer.from(`],"thread":${JSON.stringify(thread)},"timeline":${JSON.stringify(await timeline(context))}}\n`);
  }
  return Readable.toWeb(Readable.from(pieces())) as ReadableStream<Uint8Array>;
}

/** The timeline without payloads (they repeat polls and posts, and name authors): what happened, when, about which poll, by whom. */
async function timeline(context: ExportContext) {
  const ordinals = new Map(context.polls.map((poll) => [poll.id, poll.ordinal]));
  const events = rowsOf<{ seq: number; kind: string; createdAt: string; actorUserId: string | null; pollId: string | null }>(
    await context.db.execute(sql`select seq, kind, created_at as "createdAt", actor_user_id as "actorUserId", payload ->> 'pollId' as "pollId" from live_events where session_id = ${context.session.id}::uuid order by seq`),
  );
  return events.map((event) => ({
    seq: Number(event.seq),
    kind: event.kind,
    at: iso(event.createdAt),
    poll: event.pollId ? (ordinals.get(event.pollId) ?? null) : null,
    actor: event.actorUserId ? (context.pseudonyms.get(event.actorUserId) ?? "moderator") : null,
  }));
}

function participantOf({ pseudonyms }: ExportContext, userId: string | null): string | null {
  return userId ? (pseudonyms.get(userId) ?? null) : null;
}

function iso(value: string | Date): string {
  return new Date(value).toISOString();
}
