import "server-only";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleMemos, programCycles, programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { MemoEvidence } from "./evidence";

/** How much of a memo's body a decision keeps: enough to recall its point, not a copy of the memo. */
const EXCERPT_LENGTH = 280;

function memosQuery(db: Db, organizationId: string, only?: SQL) {
  return db
    .select({ id: cycleMemos.id, title: cycleMemos.title, body: cycleMemos.body, publishedAt: cycleMemos.publishedAt, programId: programs.id, programName: programs.name, sessionOpensAt: programCycles.opensAt })
    .from(cycleMemos)
    .innerJoin(programCycles, eq(programCycles.id, cycleMemos.cycleId))
    .innerJoin(programs, eq(programs.id, programCycles.programId))
    .where(and(eq(cycleMemos.organizationId, organizationId), eq(cycleMemos.status, "published"), only));
}

/** The organization's published council memos a decision can cite, newest session first. */
export async function listCitableMemos(db: Db, organizationId: string) {
  return memosQuery(db, organizationId).orderBy(desc(programCycles.opensAt)).limit(50);
}

/** The cited published memos as they read now: title, council, session and the start of the body. */
export async function freezeMemoEvidence(db: Db, organizationId: string, memoIds: readonly string[]): Promise<MemoEvidence[]> {
  const ids = [...new Set(memoIds)];
  if (ids.length === 0) return [];
  const memos = await memosQuery(db, organizationId, inArray(cycleMemos.id, ids));
  if (memos.length !== ids.length) throw new AppError("INVALID", "formHasErrors", { evidenceMemoIds: "decisionEvidenceUnknown" });
  return memos.map((memo) => ({
    type: "memo",
    memoId: memo.id,
    programId: memo.programId,
    programName: memo.programName,
    sessionOpensAt: memo.sessionOpensAt.toISOString(),
    title: memo.title,
    excerpt: memo.body.length > EXCERPT_LENGTH ? `${memo.body.slice(0, EXCERPT_LENGTH).trimEnd()}…` : memo.body,
  }));
}
