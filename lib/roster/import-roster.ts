import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users, type MemberAttributes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { csvFileSchema, parseCsvImport, type ImportPreview } from "@/lib/imports/parse-csv-import";
import { ROSTER_ATTRIBUTES, rosterImportSpec, type RosterRow } from "./roster-row";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What confirming would do to one person: join, change, stay as is, or be left alone because they are not staff. */
export type RosterRowStatus = "new" | "updated" | "unchanged" | "skipped";

export interface RosterImportPlan extends Omit<ImportPreview<RosterRow>, "rows"> {
  rows: Array<RosterRow & { status: RosterRowStatus }>;
  counts: Record<RosterRowStatus, number> & { deactivated: number };
}

export const rosterImportInputSchema = z.object({
  csv: csvFileSchema,
  // A checkbox posts "on" when ticked and nothing otherwise.
  deactivateMissing: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});
/** `deactivateMissing` as a boolean or as a form posts it ("on" when ticked). */
export interface RosterImportInput {
  csv: string;
  deactivateMissing?: boolean | string;
}

interface Existing {
  userId: string;
  membershipId: string | null;
  role: string | null;
  attributes: MemberAttributes;
  isDeactivated: boolean;
}

function rosterAttributesOf(row: RosterRow): MemberAttributes {
  const attributes: MemberAttributes = {};
  for (const key of ROSTER_ATTRIBUTES) if (row[key] !== undefined) attributes[key] = row[key];
  return attributes;
}

function statusOf(row: RosterRow, existing: Existing | undefined): RosterRowStatus {
  if (!existing?.membershipId) return "new";
  if (existing.role !== "frontline") return "skipped";
  const attributes = rosterAttributesOf(row);
  const isChanged = Object.entries(attributes).some(([key, value]) => existing.attributes[key] !== value);
  return isChanged || existing.isDeactivated ? "updated" : "unchanged";
}

async function existingPeople(tx: Db | Tx, orgId: string, emails: string[]): Promise<Map<string, Existing>> {
  if (emails.length === 0) return new Map();
  const rows = await tx
    .select({ email: users.email, userId: users.id, membershipId: memberships.id, role: memberships.role, attributes: memberships.attributes, deactivatedAt: memberships.deactivatedAt })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, orgId)))
    .where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email!, { userId: row.userId, membershipId: row.membershipId, role: row.role, attributes: row.attributes ?? {}, isDeactivated: Boolean(row.deactivatedAt) }]));
}

/** Active staff whose email is not in the file: the leavers a "deactivate missing" import removes. */
async function missingStaff(tx: Db | Tx, orgId: string, emails: string[]) {
  const inFile = new Set(emails);
  const staff = await tx
    .select({ membershipId: memberships.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "frontline"), isNull(memberships.deactivatedAt)));
  return staff.filter((member) => !inFile.has(member.email ?? ""));
}

async function planImport(tx: Db | Tx, orgId: string, csv: string, deactivateMissing: boolean) {
  const { rows, ...preview } = parseCsvImport(csv, rosterImportSpec);
  const emails = rows.map((row) => row.email);
  const existing = await existingPeople(tx, orgId, emails);
  const planned = rows.map((row) => ({ ...row, status: statusOf(row, existing.get(row.email)) }));
  const leavers = deactivateMissing && preview.missingColumns.length === 0 ? await missingStaff(tx, orgId, emails) : [];
  const counts = { new: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: leavers.length };
  for (const row of planned) counts[row.status]++;
  return { plan: { ...preview, rows: planned, counts } satisfies RosterImportPlan, existing, leavers };
}

/** The file checks as one translated message: the form has no field to highlight, only the file. */
function parseImportInput(input: RosterImportInput) {
  const parsed = rosterImportInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "invalid");
  return parsed.data;
}

/** The preview a researcher checks before confirming: parses, validates and compares with the roster, writing nothing. */
export async function previewRosterImport(db: Db, actor: Actor | null, orgId: string, input: RosterImportInput): Promise<RosterImportPlan> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const { csv, deactivateMissing } = parseImportInput(input);
  return (await planImport(db, organization.id, csv, deactivateMissing)).plan;
}

/**
 * Applies a roster file in one transaction: new people join as frontline staff, existing staff get the
 * file's team/location/role/manager (other attributes and past responses' snapshots stay as they were),
 * leavers who are back are reactivated, and members with another role are never changed.
 */
export async function confirmRosterImport(db: Db, actor: Actor | null, orgId: string, input: RosterImportInput): Promise<RosterImportPlan> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const { csv, deactivateMissing } = parseImportInput(input);
  return db.transaction(async (tx) => {
    // One import at a time per organization, so two confirmations cannot interleave their plans.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`roster:${organization.id}`}))`);
    const { plan, existing, leavers } = await planImport(tx, organization.id, csv, deactivateMissing);
    if (plan.missingColumns.length > 0) throw new AppError("INVALID", "importMissingColumns");
    // A row that failed validation cannot be matched, so its person must not be taken for a leaver.
    if (deactivateMissing && plan.errors.length > 0) throw new AppError("INVALID", "rosterFixErrorsFirst");

    for (const row of plan.rows) {
      const known = existing.get(row.email);
      const attributes = rosterAttributesOf(row);
      if (row.status === "new") {
        const userId = known?.userId ?? (await insertUser(tx, row));
        await tx.insert(memberships).values({ organizationId: organization.id, userId, role: "frontline", attributes });
      } else if (row.status === "updated") {
        await tx
          .update(memberships)
          .set({ attributes: { ...known!.attributes, ...attributes }, deactivatedAt: null })
          .where(eq(memberships.id, known!.membershipId!));
      }
    }
    if (leavers.length > 0) {
      await tx.update(memberships).set({ deactivatedAt: new Date() }).where(inArray(memberships.id, leavers.map((leaver) => leaver.membershipId)));
    }
    const { counts } = plan;
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor!.userId,
      action: "roster.imported",
      details: { created: counts.new, updated: counts.updated, unchanged: counts.unchanged, skipped: counts.skipped, deactivated: counts.deactivated, invalidRows: plan.errors.length },
    });
    return plan;
  });
}

async function insertUser(tx: Tx, row: RosterRow): Promise<string> {
  const [created] = await tx.insert(users).values({ email: row.email, name: row.name ?? null }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  if (created) return created.id;
  // Signed up between planning and writing: use that account.
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return user.id;
}
