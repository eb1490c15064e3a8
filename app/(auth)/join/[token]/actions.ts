"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { optionalAnswersFromForm } from "@/lib/consent/schemas";
import { customAnswersFromForm, joinProgram } from "@/lib/programs/join-program";

// POST (form) – accept the council's or panel's consent with a profile, then open it in the portal
export async function joinProgramAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let target: string;
  try {
    const joined = await joinProgram(await getDb(), await getActor(), { ...values, custom: customAnswersFromForm(values), purposes: optionalAnswersFromForm(values) } as never);
    target = joined.kind === "council" ? `/o/${joined.organizationSlug}/portal/councils/${joined.programId}` : `/o/${joined.organizationSlug}/portal?joined=panel`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}
