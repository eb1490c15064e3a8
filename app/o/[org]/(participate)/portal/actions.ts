"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { leavePanel, renewPanelConsent } from "@/lib/panels/my-panels";

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

// POST (form) – accept the panel's changed consent text and take part again
export async function renewPanelConsentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await renewPanelConsent(await getDb(), await getActor(), values.orgId ?? "", values);
    revalidatePath("/o/[org]/portal", "layout");
    return { status: "success" };
  } catch (error) {
    return actionError(error);
  }
}
