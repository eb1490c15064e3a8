"use server";
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { submitFieldReportSchema } from "@/lib/field-reports/schemas";
import { submitFieldReport } from "@/lib/field-reports/submit-field-report";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { requestBaseUrl } from "@/lib/http/base-url";
import { scheduledNow } from "@/lib/jobs/instance-clock";
import { runScheduledWork } from "@/lib/jobs/worker";
import { log } from "@/lib/log";

// POST (server action) – a staff member sends what they heard. A sent report redirects (to a
// fresh form saying it was sent), so reloading the page afterwards never posts it again.
export async function submitFieldReportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let sent: "urgent" | "normal";
  try {
    const db = await getDb();
    const report = await submitFieldReport(db, await getActor(), { slug: values.org ?? "" }, submitFieldReportSchema.parse(values), { baseUrl: await requestBaseUrl(), now: await scheduledNow(db) });
    if (report.urgency === "urgent") {
      // The notification is committed with the report; running it now saves waiting for the next poll.
      after(() => runScheduledWork(db).catch((error) => log.error({ event: "field_report.notify_failed", err: error }, "urgent report notification run failed")));
    }
    revalidatePath("/o/[org]/portal/reports", "page");
    sent = report.urgency === "urgent" ? "urgent" : "normal";
  } catch (error) {
    return actionError(error, values);
  }
  redirect(`/o/${encodeURIComponent(values.org ?? "")}/portal/reports?sent=${sent}`);
}
