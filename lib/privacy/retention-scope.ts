import "server-only";
import { sql, type SQL } from "drizzle-orm";

/*
 * What a program's retention covers, as SQL shared by the daily purge and the admins' preview, so
 * what is shown as due is exactly what the job takes. `before` null means "whatever its age".
 */

export interface RetainedProgram {
  id: string;
  organizationId: string;
  kind: "council" | "frontline" | "panel";
}

const olderThan = (column: SQL, before: Date | null) => (before ? sql`${column} < ${before.toISOString()}::timestamptz` : sql`true`);

/** Every instrument whose answers belong to the program: its cycles' surveys, quick polls, resonance tests and stored live sessions. */
function programInstruments(program: RetainedProgram): SQL {
  return sql`select i.id from instruments i where i.organization_id = ${program.organizationId}::uuid and (
    i.program_id = ${program.id}::uuid
    or i.id in (select instrument_id from program_cycles where program_id = ${program.id}::uuid)
    or i.id in (select instrument_id from quick_polls where program_id = ${program.id}::uuid)
    or i.id in (select instrument_id from resonance_tests where program_id = ${program.id}::uuid)
    or i.id in (select instrument_id from live_sessions where program_id = ${program.id}::uuid))`;
}

const programSessions = (program: RetainedProgram) => sql`select id from live_sessions where program_id = ${program.id}::uuid`;

/** Responses not yet anonymized (id, status, when): the age of a response is its submission, or its last save while in progress. */
export function identifiableResponses(program: RetainedProgram, before: Date | null): SQL {
  return sql`select r.id, r.status, coalesce(r.submitted_at, r.updated_at) as at from responses r
    where r.organization_id = ${program.organizationId}::uuid and r.anonymized_at is null and r.instrument_id in (${programInstruments(program)})
      and ${olderThan(sql`coalesce(r.submitted_at, r.updated_at)`, before)}`;
}

/** Live answers that still name a person or hold words. */
export function identifiableLiveAnswers(program: RetainedProgram, before: Date | null): SQL {
  return sql`select a.id, a.answered_at as at from live_answers a join live_polls p on p.id = a.poll_id
    where a.session_id in (${programSessions(program)}) and (a.user_id is not null or (p.kind = 'text' and a.value <> '""'::jsonb))
      and ${olderThan(sql`a.answered_at`, before)}`;
}

export function identifiableLivePosts(program: RetainedProgram, before: Date | null): SQL {
  return sql`select id, created_at as at from live_posts where session_id in (${programSessions(program)}) and ${olderThan(sql`created_at`, before)}`;
}

/**
 * "What I heard" reports are the organization's, not tied to a program: the frontline program's
 * retention covers them (an organization has one frontline program); others' never do.
 */
export function identifiableFieldReports(program: RetainedProgram, before: Date | null): SQL {
  if (program.kind !== "frontline") return sql`select null::uuid as id, null::timestamptz as at where false`;
  return sql`select id, created_at as at from field_reports where organization_id = ${program.organizationId}::uuid and ${olderThan(sql`created_at`, before)}`;
}

/** Interview notes filed under the program, by the day of the interview. */
export function identifiableInterviewNotes(program: RetainedProgram, before: Date | null): SQL {
  return sql`select id, interviewed_on::timestamptz as at from interview_notes where program_id = ${program.id}::uuid and ${olderThan(sql`interviewed_on::timestamptz`, before)}`;
}
