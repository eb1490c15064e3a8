"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { leavePanel } from "@/lib/panels/my-panels";

// POST (form) – leave a panel, then back to the portal
export async function leavePanelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await leavePanel(await getDb(), await getActor(), values.orgId ?? "", values);
  } catch (error) {
    return actionError(error);
  }
  redirect(`/o/${values.orgSlug}/portal?left=panel`);
}
