"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { joinCouncil } from "@/lib/councils/join-council";
import { joinCouncilSchema } from "@/lib/councils/schemas";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

// POST (form) – accept the council's consent with a profile, then open the council in the portal
export async function joinCouncilAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let target: string;
  try {
    const joined = await joinCouncil(await getDb(), await getActor(), joinCouncilSchema.parse(values));
    target = `/o/${joined.organizationSlug}/portal/councils/${joined.councilId}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}
