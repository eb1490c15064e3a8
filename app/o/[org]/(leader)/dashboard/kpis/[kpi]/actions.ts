"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { updateKpiSettings } from "@/lib/kpis/update-kpi-settings";

export async function updateKpiSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await updateKpiSettings(await getDb(), await getActor(), values.orgId ?? "", { key: values.key ?? "", ownerUserId: values.ownerUserId ?? "", period: values.period as "monthly", target: values.target ?? "", targetBasis: (values.targetBasis || undefined) as "absolute" | undefined, incentiveWeight: values.incentiveWeight ?? "" });
    revalidatePath("/o/[org]/dashboard", "layout");
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}
