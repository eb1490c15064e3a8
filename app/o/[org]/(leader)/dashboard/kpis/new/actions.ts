"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { createKpi } from "@/lib/kpis/create-kpi";

export async function createKpiAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let path: string;
  try {
    const kpi = await createKpi(await getDb(), await getActor(), values.orgId ?? "", { name: values.name ?? "", aggregation: values.aggregation as "mean", itemCodes: values.itemCodes ?? "", programId: values.programId ?? "", segment: values.segment ?? "", period: values.period as "monthly", topBoxFrom: values.topBoxFrom ?? "" });
    revalidatePath("/o/[org]/dashboard", "layout");
    path = `/o/${values.orgSlug}/dashboard/kpis/${kpi.key}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(path);
}
