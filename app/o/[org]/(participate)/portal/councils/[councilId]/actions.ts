"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { leaveCouncil } from "@/lib/councils/leave-council";
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
