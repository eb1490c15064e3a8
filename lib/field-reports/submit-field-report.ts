import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fieldReports } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { enqueueJob } from "@/lib/jobs/queue";
import { submitFieldReportSchema, URGENT_FIELD_REPORT_JOB, type SubmitFieldReportInput } from "./schemas";

const REPORT = { id: fieldReports.id, kind: fieldReports.kind, urgency: fieldReports.urgency, createdAt: fieldReports.createdAt };

/**
 * A staff member reports what they heard from a customer. Only the team and location are copied from
 * their roster entry; the person is kept solely as the author so they can see their own reports.
 * An urgent report enqueues the researchers' notification in the same transaction, due at `now`.
 */
export async function submitFieldReport(db: Db, actor: Actor | null, org: OrgRef, input: SubmitFieldReportInput, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }) {
  const { organization, attributes, userId } = await requirePermission(db, actor, org, "frontline.submit");
  const { kind, urgency, body, submissionId } = submitFieldReportSchema.parse(input);
  return db.transaction(async (tx) => {
    const values = { organizationId: organization.id, authorUserId: userId, kind, urgency, body, team: attributes.team ?? null, location: attributes.location ?? null, createdAt: now };
    const [created] = await tx
      .insert(fieldReports)
      .values({ ...values, ...(submissionId ? { id: submissionId } : {}) })
      .onConflictDoNothing({ target: fieldReports.id })
      .returning(REPORT);
    if (!created) {
      const [sent] = await tx.select(REPORT).from(fieldReports).where(and(eq(fieldReports.id, submissionId!), eq(fieldReports.authorUserId, userId), eq(fieldReports.organizationId, organization.id)));
      // The same form sent twice: the report already exists and its notification is already queued.
      if (sent) return { ...sent, organizationSlug: organization.slug };
    }
    // An id someone else already used is not theirs to reuse: this report gets its own.
    const report = created ?? (await tx.insert(fieldReports).values(values).returning(REPORT))[0];
    if (urgency === "urgent") {
      await enqueueJob(tx as unknown as Db, {
        kind: URGENT_FIELD_REPORT_JOB,
        runAt: now,
        organizationId: organization.id,
        dedupeKey: `${URGENT_FIELD_REPORT_JOB}:${report.id}`,
        payload: { reportId: report.id, baseUrl },
      });
    }
    return { ...report, organizationSlug: organization.slug };
  });
}
