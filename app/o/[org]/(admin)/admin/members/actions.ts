"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { requestBaseUrl } from "@/lib/http/base-url";
import { changeMemberRole, removeMember } from "@/lib/organizations/change-member-role";
import { inviteMember } from "@/lib/organizations/invite-member";
import { revokeInvitation } from "@/lib/organizations/revoke-invitation";
import { changeMemberRoleSchema, inviteMemberSchema, invitationIdSchema, membershipIdSchema } from "@/lib/organizations/schemas";

type OrgAction = (orgId: string, values: Record<string, string>) => Promise<string>;

/** Thin wrapper: parse the form, call one domain function, refresh the page, report the outcome. */
async function run(formData: FormData, perform: OrgAction): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const message = await perform(values.orgId ?? "", values);
    revalidatePath("/o/[org]/admin/members", "page");
    return { status: "success", message };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function inviteMemberAction(_state: ActionState, formData: FormData) {
  return run(formData, async (orgId, values) => {
    const invitation = await inviteMember(await getDb(), await getActor(), orgId, inviteMemberSchema.parse(values), await requestBaseUrl());
    return invitation.email;
  });
}

export async function changeMemberRoleAction(_state: ActionState, formData: FormData) {
  return run(formData, async (orgId, values) => {
    await changeMemberRole(await getDb(), await getActor(), orgId, changeMemberRoleSchema.parse(values));
    return "roleChanged";
  });
}

export async function removeMemberAction(_state: ActionState, formData: FormData) {
  return run(formData, async (orgId, values) => {
    await removeMember(await getDb(), await getActor(), orgId, membershipIdSchema.parse(values));
    return "removed";
  });
}

export async function revokeInvitationAction(_state: ActionState, formData: FormData) {
  return run(formData, async (orgId, values) => {
    await revokeInvitation(await getDb(), await getActor(), orgId, invitationIdSchema.parse(values));
    return "revoked";
  });
}
