"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/authz/policy";
import { actionError, type ActionState } from "@/lib/http/action-result";
import { acceptInvitation } from "@/lib/organizations/accept-invitation";

export async function acceptInvitationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let target: string;
  try {
    const accepted = await acceptInvitation(await getDb(), await getActor(), String(formData.get("token") ?? ""));
    target = homePath(accepted.organizationSlug, accepted.role);
  } catch (error) {
    return actionError(error);
  }
  redirect(target);
}
