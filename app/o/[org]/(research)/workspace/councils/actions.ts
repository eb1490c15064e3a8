"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { revokeCouncilInvitation } from "@/lib/councils/council-invitations";
import { createCouncil } from "@/lib/councils/create-council";
import { importCouncilInvitations, inviteToCouncil, previewCouncilInvitations } from "@/lib/councils/invite-to-council";
import { compositionTargetsFromForm, createCouncilSchema, updateCouncilSchema } from "@/lib/councils/schemas";
import { updateCouncil } from "@/lib/councils/update-council";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { requestBaseUrl } from "@/lib/http/base-url";
import type { ImportPreviewResult, ImportResult } from "@/components/programs/program-import-form";

const refresh = () => revalidatePath("/o/[org]/workspace/councils", "layout");

/** Form values with the `target.<attribute>.<value>` inputs gathered into composition targets. */
function councilInput(formData: FormData) {
  const values = formValues(formData);
  return { values, input: { ...values, compositionTargets: compositionTargetsFromForm(values) } as Record<string, unknown> };
}

// POST (form) – create a council and schedule its first session, then open it
export async function createCouncilAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = councilInput(formData);
  let target: string;
  try {
    const council = await createCouncil(await getDb(), await getActor(), values.orgId ?? "", createCouncilSchema.parse(input));
    refresh();
    target = `/o/${values.orgSlug}/workspace/councils/${council.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}

// POST (form) – change a council's settings
export async function updateCouncilAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = councilInput(formData);
  try {
    await updateCouncil(await getDb(), await getActor(), values.orgId ?? "", updateCouncilSchema.parse(input));
    refresh();
    return { status: "success", message: "settingsSaved" };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – invite one customer by email
export async function inviteToCouncilAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const invitation = await inviteToCouncil(await getDb(), await getActor(), values.orgId ?? "", { ...values, name: values.name || undefined }, await requestBaseUrl());
    refresh();
    return { status: "success", message: invitation.email };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – revoke an open invitation
export async function revokeCouncilInvitationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await revokeCouncilInvitation(await getDb(), await getActor(), values.orgId ?? "", values);
    refresh();
    return { status: "success", message: "revoked" };
  } catch (error) {
    return actionError(error);
  }
}


// step 1 of an import: parse and validate the CSV; nothing is written
export async function previewCouncilImportAction(orgId: string, csv: string): Promise<ImportPreviewResult> {
  try {
    return { status: "preview", preview: await previewCouncilInvitations(await getDb(), await getActor(), orgId, csv) };
  } catch (error) {
    return actionError(error) as Extract<ActionState, { status: "error" }>;
  }
}

// step 2: write the valid rows and send the invitations
export async function importCouncilInvitationsAction(orgId: string, councilId: string, csv: string): Promise<ImportResult> {
  try {
    const result = await importCouncilInvitations(await getDb(), await getActor(), orgId, { councilId, csv }, await requestBaseUrl());
    refresh();
    return { status: "imported", invited: result.invited.length, skipped: result.skipped };
  } catch (error) {
    return actionError(error) as Extract<ActionState, { status: "error" }>;
  }
}
