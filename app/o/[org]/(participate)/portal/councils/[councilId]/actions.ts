"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { leaveCouncil } from "@/lib/councils/leave-council";
import { renewConsent } from "@/lib/councils/renew-consent";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

// POST (form) – leave the council, then back to the portal
export async function leaveCouncilAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await leaveCouncil(await getDb(), await getActor(), values.orgId ?? "", values);
  } catch (error) {
    return actionError(error);
  }
  redirect(`/o/${values.orgSlug}/portal?left=1`);
}

// POST (form) – accept the council's changed consent text and take part again
export async function renewConsentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await renewConsent(await getDb(), await getActor(), values.orgId ?? "", values);
    revalidatePath("/o/[org]/portal", "layout");
    return { status: "success", message: "consentRenewed" };
  } catch (error) {
    return actionError(error);
  }
}
