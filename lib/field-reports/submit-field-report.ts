import "server-only";
import type { Db } from "@/db/client";
import { fieldReports } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { enqueueJob } from "@/lib/jobs/queue";
import { submitFieldReportSchema, URGENT_FIELD_REPORT_JOB, type SubmitFieldReportInput } from "./schemas";

/**
 * A staff member reports what they heard from a customer. Only the team and location are copied from
 * their roster entry; the person is kept solely as the author so they can see their own reports.
 * An urgent report enqueues the researchers' notification in the same transaction, due at `now`.
 */
export async function submitFieldReport(db: Db, actor: Actor | null, org: OrgRef, input: SubmitFieldReportInput, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }) {
  const { organization, attributes, userId } = await requirePermission(db, actor, org, "frontline.submit");
  const { kind, urgency, body } = submitFieldReportSchema.parse(input);
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(fieldReports)
      .values({ organizationId: organization.id, authorUserId: userId, kind, urgency, body, team: attributes.team ?? null, location: attributes.location ?? null })
      .returning({ id: fieldReports.id, kind: fieldReports.kind, urgency: fieldReports.urgency, createdAt: fieldReports.createdAt });
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
