import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/authz/policy";
import { requirePermission, type Actor, type OrgContext, type OrgRef } from "@/lib/authz/require-permission";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { decodeCursor } from "./my-data-cursor";
import { MY_DATA_SCHEMA_VERSION, type MyData, type MyDataExport } from "./my-data-types";
import { readMySharedInsights } from "./read-my-insights";
import { readMyConsents, readMyDecisions, readMyGroupMemos, readMyGroups, readMyPrograms } from "./read-my-groups";
import { activitySection, fieldReportsSection, interviewsSection, iso, liveAnswersSection, livePostsSection, mailsSection, readSectionPage, readWholeSection, responsesSection, type MyScope } from "./read-my-records";

export const collectMyDataSchema = z.object({
  locale: z.enum(LOCALES),
  /** Where the responses list continues (an opaque cursor from the previous page). */
  responsesCursor: z.string().max(200).optional(),
  /** How many of each long list one page shows. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CollectMyDataInput = z.input<typeof collectMyDataSchema>;

/**
 * Everything Attune holds about the signed-in person in this organization, for the "my data" page:
 * long lists one page at a time (responses continue from `responsesCursor`). Only the person's own
 * rows of this organization are read. Every view is audited.
 */
export async function collectMyData(db: Db, actor: Actor | null, org: OrgRef, input: CollectMyDataInput): Promise<MyData> {
  const context = await requirePermission(db, actor, org, "mydata.view");
  const { locale, responsesCursor, limit } = collectMyDataSchema.parse(input);
  const scope: MyScope = { orgId: context.organization.id, userId: context.userId, locale };
  const [common, responses, liveAnswers, livePosts, fieldReports, interviews, mails, activity] = await Promise.all([
    gatherCommon(db, context, scope),
    readSectionPage(db, responsesSection, scope, decodeCursor(responsesCursor), limit),
    readSectionPage(db, liveAnswersSection, scope, null, limit),
    readSectionPage(db, livePostsSection, scope, null, limit),
    readSectionPage(db, fieldReportsSection, scope, null, limit),
    readSectionPage(db, interviewsSection, scope, null, limit),
    readSectionPage(db, mailsSection, scope, null, limit),
    readSectionPage(db, activitySection, scope, null, limit),
  ]);
  await recordAudit(db, { organizationId: context.organization.id, actorUserId: context.userId, action: "mydata.viewed", targetType: "user", targetId: context.userId });
  return { ...common, responses, liveAnswers, livePosts, fieldReports, interviews, mails, activity };
}

/**
 * The same records with every list in full, read in bounded batches, for a download. Not audited
 * here: the export that calls it records what was downloaded.
 */
export async function collectAllMyData(db: Db, context: OrgContext, locale: Locale): Promise<MyDataExport> {
  const scope: MyScope = { orgId: context.organization.id, userId: context.userId, locale };
  const common = await gatherCommon(db, context, scope);
  // One list after another: a long history is read a batch at a time rather than all at once.
  const responses = await readWholeSection(db, responsesSection, scope, 100);
  const liveAnswers = await readWholeSection(db, liveAnswersSection, scope);
  const livePosts = await readWholeSection(db, livePostsSection, scope);
  const fieldReports = await readWholeSection(db, fieldReportsSection, scope);
  const interviews = await readWholeSection(db, interviewsSection, scope);
  const mails = await readWholeSection(db, mailsSection, scope);
  const activity = await readWholeSection(db, activitySection, scope);
  return { ...common, responses, liveAnswers, livePosts, fieldReports, interviews, mails, activity };
}

async function gatherCommon(db: Db, context: OrgContext, scope: MyScope) {
  const [[account], [membership]] = await Promise.all([
    db.select({ name: users.name, email: users.email, locale: users.locale, createdAt: users.createdAt }).from(users).where(eq(users.id, context.userId)),
    db.select({ createdAt: memberships.createdAt }).from(memberships).where(eq(memberships.id, context.membershipId)),
  ]);
  const isStaff = context.role === "frontline";
  const programs = await readMyPrograms(db, scope, isStaff ? { since: membership.createdAt } : null);
  const insights = await readMySharedInsights(db, scope);
  const groups = await readMyGroups(db, scope, programs, new Set(insights.map((insight) => insight.insightId)));
  const slug = context.organization.slug;
  const isActiveCouncilMember = (programId: string) => programs.some((program) => program.programId === programId && program.kind === "council" && program.status === "active");
  const memberPage = (programId: string, cycleId: string) => (can(context.role, "portal.view") && isActiveCouncilMember(programId) ? `/o/${slug}/portal/councils/${programId}/sessions/${cycleId}` : null);
  const [consents, memos, decisions] = await Promise.all([readMyConsents(db, scope), readMyGroupMemos(db, scope, groups, memberPage), readMyDecisions(db, scope, groups)]);
  return {
    schemaVersion: MY_DATA_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    locale: scope.locale,
    organization: { slug, name: context.organization.name },
    account: { ...account, createdAt: iso(account.createdAt) },
    membership: { role: context.role, attributes: context.attributes, since: iso(membership.createdAt) },
    programs,
    consents,
    learned: { memos, insights },
    youSaidWeDid: decisions,
  };
}
