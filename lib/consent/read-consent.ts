import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consentRecords, programConsentTexts } from "@/db/schema";
import type { ConsentPurpose } from "@/db/schema/privacy";
import { consentStates, type LatestRecord, type PurposeState, type PurposeVersions } from "./consent-state";

/** Per purpose, the newest version and the newest material one of a program's texts. */
export async function purposeVersions(db: Db, programId: string): Promise<PurposeVersions[]> {
  const rows = await db
    .select({
      purpose: programConsentTexts.purpose,
      latestVersion: sql<number>`max(${programConsentTexts.version})::int`,
      latestMaterialVersion: sql<number>`coalesce(max(${programConsentTexts.version}) filter (where ${programConsentTexts.isMaterial}), 0)::int`,
    })
    .from(programConsentTexts)
    .where(eq(programConsentTexts.programId, programId))
    .groupBy(programConsentTexts.purpose);
  return rows.map((row) => ({ purpose: row.purpose, latestVersion: Number(row.latestVersion), latestMaterialVersion: Number(row.latestMaterialVersion) }));
}

/** Each purpose's newest text: what a member reads when asked. */
export async function currentConsentTexts(db: Db, programId: string) {
  const rows = await db
    .selectDistinctOn([programConsentTexts.purpose], { purpose: programConsentTexts.purpose, version: programConsentTexts.version, body: programConsentTexts.body, isMaterial: programConsentTexts.isMaterial, createdAt: programConsentTexts.createdAt })
    .from(programConsentTexts)
    .where(eq(programConsentTexts.programId, programId))
    .orderBy(programConsentTexts.purpose, desc(programConsentTexts.version));
  return new Map(rows.map((row) => [row.purpose, row]));
}

/** Every version of every purpose, newest first: the researcher's history. */
export async function consentTextHistory(db: Db, programId: string) {
  return db
    .select({ purpose: programConsentTexts.purpose, version: programConsentTexts.version, body: programConsentTexts.body, isMaterial: programConsentTexts.isMaterial, createdAt: programConsentTexts.createdAt })
    .from(programConsentTexts)
    .where(eq(programConsentTexts.programId, programId))
    .orderBy(asc(programConsentTexts.purpose), desc(programConsentTexts.version));
}

/** The latest record per (person, purpose) of a program, for some people or all of them. */
async function latestRecords(db: Db, programId: string, userIds?: readonly string[]): Promise<Array<LatestRecord & { userId: string }>> {
  if (userIds && userIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([consentRecords.userId, consentRecords.purpose], { userId: consentRecords.userId, purpose: consentRecords.purpose, version: consentRecords.version, granted: consentRecords.granted, decidedAt: consentRecords.decidedAt })
    .from(consentRecords)
    .where(and(eq(consentRecords.programId, programId), userIds ? inArray(consentRecords.userId, [...userIds]) : undefined))
    .orderBy(consentRecords.userId, consentRecords.purpose, desc(consentRecords.id));
  return rows.map((row) => ({ ...row, decidedAt: new Date(row.decidedAt) }));
}

/** One member's effective state per purpose. */
export async function memberConsentStates(db: Db, programId: string, userId: string): Promise<PurposeState[]> {
  const [versions, records] = await Promise.all([purposeVersions(db, programId), latestRecords(db, programId, [userId])]);
  return consentStates(versions, records);
}

/** Many members' effective states per purpose, keyed by user id (the members page). */
export async function membersConsentStates(db: Db, programId: string, userIds: readonly string[]): Promise<Map<string, PurposeState[]>> {
  const [versions, records] = await Promise.all([purposeVersions(db, programId), latestRecords(db, programId, userIds)]);
  return new Map(userIds.map((userId) => [userId, consentStates(versions, records.filter((record) => record.userId === userId))]));
}

/** The latest version of one purpose's text, or null when the program does not ask it. */
export async function latestVersionOf(db: Db, programId: string, purpose: ConsentPurpose): Promise<number | null> {
  const [row] = await db.select({ version: sql<number | null>`max(${programConsentTexts.version})::int` }).from(programConsentTexts).where(and(eq(programConsentTexts.programId, programId), eq(programConsentTexts.purpose, purpose)));
  return row?.version == null ? null : Number(row.version);
}
