import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { answerText } from "@/components/responses/answer-text";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { Answers, AnswerValue } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { encodeCursor, type MyDataCursor } from "./my-data-cursor";
import type { MyActivity, MyDataPage, MyFieldReport, MyInterviewNote, MyLiveAnswer, MyLivePost, MyMail, MyResponse } from "./my-data-types";
import { readableAnswers } from "./readable-answers";

/** Whose records, where, and in which language answers and labels are read. */
export interface MyScope {
  orgId: string;
  userId: string;
  locale: Locale;
}

export const iso = (value: string | Date) => new Date(value).toISOString();
export const isoOrNull = (value: string | Date | null) => (value === null ? null : iso(value));

/**
 * A list read newest first by keyset: `from` is the FROM … WHERE of the person's own rows, `at` and
 * `id` the order (id as text, so one cursor shape serves uuid and serial keys).
 */
interface Section<Raw, Item> {
  columns: SQL;
  from: (scope: MyScope) => SQL;
  at: SQL;
  id: SQL;
  shape: (row: Raw, scope: MyScope) => Item;
}

async function readPage<Raw, Item>(db: Db, section: Section<Raw, Item>, scope: MyScope, after: MyDataCursor | null, limit: number) {
  const micros = sql`(extract(epoch from ${section.at}) * 1000000)::bigint`;
  const position = after ? sql`and (${micros}, ${section.id}) < (${after.micros}::bigint, ${after.id})` : sql``;
  const rows = rowsOf<Raw & { cursorMicros: string; cursorId: string }>(
    await db.execute(sql`select ${section.columns}, ${micros}::text as "cursorMicros", ${section.id} as "cursorId" ${section.from(scope)} ${position} order by ${micros} desc, ${section.id} desc limit ${limit + 1}`),
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? { micros: last.cursorMicros, id: last.cursorId } : null;
  return { items: page.map((row) => section.shape(row, scope)), nextCursor };
}

async function countOf(db: Db, section: Section<unknown, unknown>, scope: MyScope): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${section.from(scope)}`));
  return row?.n ?? 0;
}

/** One page of a section, with how many there are in all. */
export async function readSectionPage<Item>(db: Db, section: Section<never, Item>, scope: MyScope, after: MyDataCursor | null, limit: number): Promise<MyDataPage<Item>> {
  const [page, total] = await Promise.all([readPage(db, section as Section<unknown, Item>, scope, after, limit), countOf(db, section as Section<unknown, unknown>, scope)]);
  return { total, items: page.items, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
}

/** Every row of a section, read in bounded batches so a long history never loads in one query. */
export async function readWholeSection<Item>(db: Db, section: Section<never, Item>, scope: MyScope, batch = 200): Promise<Item[]> {
  const items: Item[] = [];
  let after: MyDataCursor | null = null;
  do {
    const page: { items: Item[]; nextCursor: MyDataCursor | null } = await readPage(db, section as Section<unknown, Item>, scope, after, batch);
    items.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return items;
}

const otherLabel = (locale: Locale) => {
  const t = translatorFor(locale);
  return (text: string) => t("responses.other", { text });
};

type ResponseRow = { id: string; instrumentName: string; status: MyResponse["status"]; locale: Locale; startedAt: string | Date; submittedAt: string | Date | null; anonymizedAt: string | Date | null; answers: Answers; definition: Definition };
export const responsesSection: Section<ResponseRow, MyResponse> = {
  columns: sql`r.id, i.name as "instrumentName", r.status, r.locale, r.started_at as "startedAt", r.submitted_at as "submittedAt", r.anonymized_at as "anonymizedAt", r.answers, v.definition`,
  from: (scope) => sql`from responses r join instruments i on i.id = r.instrument_id join instrument_versions v on v.id = r.instrument_version_id
    where r.organization_id = ${scope.orgId}::uuid and r.respondent_user_id = ${scope.userId}`,
  at: sql`r.started_at`,
  id: sql`r.id::text`,
  shape: (row, scope) => ({
    id: row.id,
    instrumentName: row.instrumentName,
    status: row.status,
    locale: row.locale,
    startedAt: iso(row.startedAt),
    submittedAt: isoOrNull(row.submittedAt),
    anonymizedAt: isoOrNull(row.anonymizedAt),
    answers: readableAnswers(row.definition, row.answers, scope.locale, otherLabel(scope.locale)),
  }),
};

type LiveAnswerRow = { sessionTitle: string; definition: Definition; value: AnswerValue; answeredAt: string | Date };
export const liveAnswersSection: Section<LiveAnswerRow, MyLiveAnswer> = {
  columns: sql`s.title as "sessionTitle", p.definition, a.value, a.answered_at as "answeredAt"`,
  from: (scope) => sql`from live_answers a join live_sessions s on s.id = a.session_id join live_polls p on p.id = a.poll_id
    where s.organization_id = ${scope.orgId}::uuid and a.user_id = ${scope.userId}`,
  at: sql`a.answered_at`,
  id: sql`a.id::text`,
  shape: (row, scope) => {
    const question = row.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID);
    const fallback = row.definition.defaultLocale;
    return {
      sessionTitle: row.sessionTitle,
      question: question ? localize(question.prompt, scope.locale, fallback) : "",
      lines: question ? answerText(question, row.value, scope.locale, fallback, otherLabel(scope.locale)) : [],
      answeredAt: iso(row.answeredAt),
    };
  },
};

type LivePostRow = Omit<MyLivePost, "createdAt"> & { createdAt: string | Date };
export const livePostsSection: Section<LivePostRow, MyLivePost> = {
  columns: sql`s.title as "sessionTitle", lp.body, lp.status, lp.highlighted, lp.created_at as "createdAt"`,
  from: (scope) => sql`from live_posts lp join live_sessions s on s.id = lp.session_id where s.organization_id = ${scope.orgId}::uuid and lp.user_id = ${scope.userId}`,
  at: sql`lp.created_at`,
  id: sql`lp.id::text`,
  shape: (row) => ({ ...row, createdAt: iso(row.createdAt) }),
};

type FieldReportRow = Omit<MyFieldReport, "createdAt"> & { createdAt: string | Date };
export const fieldReportsSection: Section<FieldReportRow, MyFieldReport> = {
  columns: sql`f.kind, f.urgency, f.body, f.team, f.location, f.created_at as "createdAt"`,
  from: (scope) => sql`from field_reports f where f.organization_id = ${scope.orgId}::uuid and f.author_user_id = ${scope.userId}`,
  at: sql`f.created_at`,
  id: sql`f.id::text`,
  shape: (row) => ({ ...row, createdAt: iso(row.createdAt) }),
};

type InterviewRow = Omit<MyInterviewNote, "createdAt"> & { createdAt: string | Date };
export const interviewsSection: Section<InterviewRow, MyInterviewNote> = {
  columns: sql`n.title, n.interviewed_on::text as "interviewedOn", n.body, n.created_at as "createdAt"`,
  from: (scope) => sql`from interview_notes n where n.organization_id = ${scope.orgId}::uuid and n.participant_user_id = ${scope.userId}`,
  at: sql`n.created_at`,
  id: sql`n.id::text`,
  shape: (row) => ({ ...row, createdAt: iso(row.createdAt) }),
};

type MailRow = Omit<MyMail, "sessionOpensAt" | "sentAt"> & { sessionOpensAt: string | Date; sentAt: string | Date };
export const mailsSection: Section<MailRow, MyMail> = {
  columns: sql`p.name as "programName", c.opens_at as "sessionOpensAt", n.kind, n.sequence, n.sent_at as "sentAt"`,
  from: (scope) => sql`from cycle_notifications n join program_cycles c on c.id = n.cycle_id join programs p on p.id = c.program_id
    where c.organization_id = ${scope.orgId}::uuid and n.user_id = ${scope.userId}`,
  at: sql`n.sent_at`,
  id: sql`n.id::text`,
  shape: (row) => ({ ...row, sessionOpensAt: iso(row.sessionOpensAt), sentAt: iso(row.sentAt) }),
};

// Only what and when: an entry's target and details may name other people's records.
type ActivityRow = { action: string; at: string | Date };
export const activitySection: Section<ActivityRow, MyActivity> = {
  columns: sql`a.action, a.created_at as "at"`,
  from: (scope) => sql`from audit_log a where a.organization_id = ${scope.orgId}::uuid and a.actor_user_id = ${scope.userId}`,
  at: sql`a.created_at`,
  id: sql`a.id::text`,
  shape: (row, scope) => {
    const t = translatorFor(scope.locale);
    const isKnown = (AUDIT_ACTIONS as readonly string[]).includes(row.action);
    return { action: row.action, label: isKnown ? t(`audit.actions.${row.action.replace(/\./g, "_")}` as never) : row.action, at: iso(row.at) };
  },
};
