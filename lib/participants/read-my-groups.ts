import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { textList } from "@/db/sql-lists";
import type { ConsentPurpose } from "@/db/schema/privacy";
import type { DecisionEvidence } from "@/lib/decisions/evidence";
import { iso, isoOrNull, type MyScope } from "./read-my-records";
import type { MyConsent, MyDecision, MyGroupMemo, MyProgramMembership } from "./my-data-types";
import { evidenceFromMyGroups, type MyGroups } from "./you-said-we-did";

// A person belongs to few programs and hears back from few decisions: these lists stay short, and
// the caps only guard against an organization that never stops.
const MAX_CONSENTS = 500;
const MAX_MEMOS = 100;
const MAX_DECISIONS = 200;

type Timestamp = string | Date;

/** Councils and panels the person was asked to or did join; a frontline member belongs to the frontline programs through the roster. */
export async function readMyPrograms(db: Db, scope: MyScope, staff: { since: Date } | null): Promise<MyProgramMembership[]> {
  const rows = rowsOf<{ programId: string; programName: string; kind: MyProgramMembership["kind"]; status: MyProgramMembership["status"]; profile: Record<string, unknown>; joinedAt: Timestamp | null; leftAt: Timestamp | null }>(
    await db.execute(sql`
      select p.id as "programId", p.name as "programName", p.kind::text as kind, pm.status::text as status, pm.profile, pm.joined_at as "joinedAt", pm.left_at as "leftAt"
      from program_members pm join programs p on p.id = pm.program_id
      where pm.organization_id = ${scope.orgId}::uuid and pm.user_id = ${scope.userId}
      union all
      select p.id, p.name, p.kind::text, 'staff', '{}'::jsonb, ${staff ? staff.since.toISOString() : null}::timestamptz, null::timestamptz
      from programs p where ${staff !== null}::boolean and p.organization_id = ${scope.orgId}::uuid and p.kind = 'frontline'
      order by "joinedAt", "programName"`),
  );
  return rows.map((row) => ({ ...row, joinedAt: isoOrNull(row.joinedAt), leftAt: isoOrNull(row.leftAt) }));
}

/** Whose groups count as the person's: a program they took part in (not one they never consented to), and the resonance tests sent to it while they belonged. */
export async function readMyGroups(db: Db, scope: MyScope, programs: MyProgramMembership[], insightIds: ReadonlySet<string>): Promise<MyGroups> {
  const taken = programs.filter((program) => program.status !== "pending_consent");
  const groups = new Map(taken.map((program) => [program.programId, { leftAt: program.leftAt === null ? null : new Date(program.leftAt) }]));
  if (groups.size === 0) return { programs: groups, testIds: new Set(), insightIds };
  const tests = rowsOf<{ id: string; programId: string; openedAt: Timestamp }>(
    await db.execute(sql`select id, program_id as "programId", opened_at as "openedAt" from resonance_tests where organization_id = ${scope.orgId}::uuid and program_id in (${sql.join([...groups.keys()].map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  const isWhileMember = (programId: string, at: Timestamp) => {
    const leftAt = groups.get(programId)?.leftAt;
    return !leftAt || new Date(at) < leftAt;
  };
  return { programs: groups, testIds: new Set(tests.filter((test) => isWhileMember(test.programId, test.openedAt)).map((test) => test.id)), insightIds };
}

/** Every acceptance and refusal, newest first, with the text of the version that was answered. */
export async function readMyConsents(db: Db, scope: MyScope): Promise<MyConsent[]> {
  const rows = rowsOf<Omit<MyConsent, "decidedAt"> & { decidedAt: Timestamp }>(
    await db.execute(sql`
      select r.program_id as "programId", p.name as "programName", r.purpose, r.version, r.granted, r.decided_at as "decidedAt", t.body as "text"
      from consent_records r join programs p on p.id = r.program_id
      left join program_consent_texts t on t.program_id = r.program_id and t.purpose = r.purpose and t.version = r.version
      where r.organization_id = ${scope.orgId}::uuid and r.user_id = ${scope.userId}
      order by r.decided_at desc, r.id desc limit ${MAX_CONSENTS}`),
  );
  return rows.map((row) => ({ ...row, purpose: row.purpose as ConsentPurpose, decidedAt: iso(row.decidedAt) }));
}

/**
 * The published memos of the person's programs, newest session first; a member who left reads
 * those of the sessions before they left. `memberPage` links a council memo to the page its active
 * members read it on.
 */
export async function readMyGroupMemos(db: Db, scope: MyScope, groups: MyGroups, memberPage: (programId: string, cycleId: string) => string | null): Promise<MyGroupMemo[]> {
  if (groups.programs.size === 0) return [];
  const rows = rowsOf<{ memoId: string; programId: string; programName: string; cycleId: string; title: string; body: string; sessionOpensAt: Timestamp; publishedAt: Timestamp | null }>(
    await db.execute(sql`
      select m.id as "memoId", p.id as "programId", p.name as "programName", c.id as "cycleId", m.title, m.body, c.opens_at as "sessionOpensAt", m.published_at as "publishedAt"
      from cycle_memos m join program_cycles c on c.id = m.cycle_id join programs p on p.id = c.program_id
      where m.organization_id = ${scope.orgId}::uuid and m.status = 'published' and p.id in (${sql.join([...groups.programs.keys()].map((id) => sql`${id}::uuid`), sql`, `)})
      order by c.opens_at desc, m.id limit ${MAX_MEMOS}`),
  );
  return rows
    .filter((row) => {
      const leftAt = groups.programs.get(row.programId)?.leftAt;
      return !leftAt || new Date(row.sessionOpensAt) < leftAt;
    })
    .map(({ cycleId, ...row }) => ({ ...row, sessionOpensAt: iso(row.sessionOpensAt), publishedAt: isoOrNull(row.publishedAt), href: memberPage(row.programId, cycleId) }));
}

/**
 * "You said, we did": the decisions whose frozen evidence cites a memo of the person's programs or a
 * resonance test sent to them, newest first, each with only the evidence from their groups.
 */
export async function readMyDecisions(db: Db, scope: MyScope, groups: MyGroups): Promise<MyDecision[]> {
  const programIds = [...groups.programs.keys()];
  const testIds = [...groups.testIds];
  const insightIds = [...groups.insightIds];
  if (programIds.length === 0 && insightIds.length === 0) return [];
  const cites = sql.join(
    [
      ...(programIds.length > 0 ? [sql`(e->>'type' = 'memo' and e->>'programId' = any(${textList(programIds)}))`] : []),
      ...(testIds.length > 0 ? [sql`(e->>'type' in ('resonance', 'quote') and e->>'testId' = any(${textList(testIds)}))`] : []),
      ...(insightIds.length > 0 ? [sql`(e->>'type' = 'insight' and e->>'insightId' = any(${textList(insightIds)}))`] : []),
    ],
    sql` or `,
  );
  const rows = rowsOf<{ id: string; campaignName: string; kind: MyDecision["kind"]; rationale: string; decidedAt: Timestamp; evidence: DecisionEvidence; correctsId: string | null; correctsAt: Timestamp | null; correctedBy: Array<{ id: string; decidedAt: string }> }>(
    await db.execute(sql`
      select d.id, c.name as "campaignName", d.kind, d.rationale, d.decided_at as "decidedAt", d.evidence,
        o.id as "correctsId", o.decided_at as "correctsAt",
        coalesce((select json_agg(json_build_object('id', x.id, 'decidedAt', x.decided_at) order by x.sequence) from decisions x where x.corrects_decision_id = d.id), '[]'::json) as "correctedBy"
      from decisions d join campaigns c on c.id = d.campaign_id
      left join decisions o on o.id = d.corrects_decision_id
      where d.organization_id = ${scope.orgId}::uuid and exists (select 1 from jsonb_array_elements(d.evidence->'items') e where ${cites})
      order by d.sequence desc limit ${MAX_DECISIONS}`),
  );
  return rows
    .map((row): MyDecision => ({
      id: row.id,
      campaignName: row.campaignName,
      kind: row.kind,
      rationale: row.rationale,
      decidedAt: iso(row.decidedAt),
      corrects: row.correctsId && row.correctsAt ? { id: row.correctsId, decidedAt: iso(row.correctsAt) } : null,
      correctedBy: row.correctedBy.map((entry) => ({ id: entry.id, decidedAt: iso(entry.decidedAt) })),
      cited: evidenceFromMyGroups(row.evidence, groups),
    }))
    .filter((decision) => decision.cited.length > 0);
}
