"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { updateAlert } from "@/lib/alerts/update-alert";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

export async function createAlertRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await createAlertRule(await getDb(), await getActor(), values.orgId ?? "", { kind: values.kind as "below_target", kpiKey: values.kpiKey ?? "", threshold: values.threshold ?? "", ownerUserId: values.ownerUserId ?? "", dueDays: values.dueDays ?? "" });
    revalidatePath("/o/[org]/dashboard", "layout");
    return { status: "success", message: "ruleCreated" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function updateAlertAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await updateAlert(await getDb(), await getActor(), values.orgId ?? "", { alertId: values.alertId ?? "", status: values.status as "open", note: values.note ?? "" });
    revalidatePath("/o/[org]/dashboard", "layout");
    return { status: "success", message: "updated" };
  } catch (error) {
    return actionError(error, values);
  }
}
