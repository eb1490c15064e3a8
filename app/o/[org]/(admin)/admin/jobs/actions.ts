"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { scheduledNow } from "@/lib/jobs/instance-clock";
import { retryOrganizationJob } from "@/lib/jobs/retry-organization-job";

export async function retryJobAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const db = await getDb();
    await retryOrganizationJob(db, await getActor(), values.orgId ?? "", { jobId: values.jobId ?? "" }, await scheduledNow(db));
    revalidatePath("/o/[org]/admin/jobs", "page");
    return { status: "success", message: "retried" };
  } catch (error) {
    return actionError(error, values);
  }
}
