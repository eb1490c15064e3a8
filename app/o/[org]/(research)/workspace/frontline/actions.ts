"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { configureFrontlineProgram } from "@/lib/frontline/configure-frontline-program";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { scheduledNow } from "@/lib/jobs/instance-clock";
import { configureFrontlineProgramSchema } from "@/lib/frontline/schemas";

export async function configureFrontlineProgramAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const db = await getDb();
    // Plans from the scheduled time, so the test clock and the jobs agree on "now".
    await configureFrontlineProgram(db, await getActor(), values.orgId ?? "", configureFrontlineProgramSchema.parse(values), await scheduledNow(db));
    revalidatePath("/o/[org]/workspace/frontline", "page");
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}
