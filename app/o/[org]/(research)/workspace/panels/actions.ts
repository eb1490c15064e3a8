"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ImportPreviewResult, ImportResult } from "@/components/programs/program-import-form";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { requestBaseUrl } from "@/lib/http/base-url";
import { createPanel } from "@/lib/panels/create-panel";
import { importPanelInvitations, inviteCouncilOptIns, inviteToPanel, previewPanelInvitations } from "@/lib/panels/invite-to-panel";
import { deletePanelAttribute, savePanelAttribute } from "@/lib/panels/panel-attributes";
import { previewPanelSample, savePanelSample } from "@/lib/panels/panel-samples";
import { panelQuotasFromForm } from "@/lib/panels/schemas";
import { updatePanel } from "@/lib/panels/update-panel";
import { revokeProgramInvitation } from "@/lib/programs/program-invitations";

type Failure = Extract<ActionState, { status: "error" }>;
const refresh = () => revalidatePath("/o/[org]/workspace/panels", "layout");

/** Form values with the `quota.<attribute>.<value>` inputs gathered into quotas. */
function panelInput(formData: FormData) {
  const values = formValues(formData);
  return { values, input: { ...values, panelQuotas: panelQuotasFromForm(values) } as never };
}

// POST (form) – create a panel, then open it
export async function createPanelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = panelInput(formData);
  let target: string;
  try {
    const panel = await createPanel(await getDb(), await getActor(), values.orgId ?? "", input);
    refresh();
    target = `/o/${values.orgSlug}/workspace/panels/${panel.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}

// POST (form) – change a panel's settings and quotas
export async function updatePanelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = panelInput(formData);
  try {
    await updatePanel(await getDb(), await getActor(), values.orgId ?? "", input);
    refresh();
    return { status: "success", message: "settingsSaved" };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – define (or change) one of the organization's own attributes
export async function savePanelAttributeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const saved = await savePanelAttribute(await getDb(), await getActor(), values.orgId ?? "", values as never);
    refresh();
    return { status: "success", message: saved.label };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – remove an attribute
export async function deletePanelAttributeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await deletePanelAttribute(await getDb(), await getActor(), values.orgId ?? "", values.attributeId ?? "");
    refresh();
    return { status: "success" };
  } catch (error) {
    return actionError(error);
  }
}

// POST (form) – invite one customer by email
export async function inviteToPanelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const invitation = await inviteToPanel(await getDb(), await getActor(), values.orgId ?? "", { ...values, name: values.name || undefined }, await requestBaseUrl());
    refresh();
    return { status: "success", message: invitation.email };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – invite every council member who opted in to panels
export async function inviteCouncilOptInsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const result = await inviteCouncilOptIns(await getDb(), await getActor(), values.orgId ?? "", values, await requestBaseUrl());
    refresh();
    return { status: "success", message: String(result.invited.length) };
  } catch (error) {
    return actionError(error);
  }
}

// POST (form) – revoke an open invitation
export async function revokePanelInvitationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await revokeProgramInvitation(await getDb(), await getActor(), values.orgId ?? "", "panel", { programId: values.panelId ?? "", invitationId: values.invitationId ?? "" });
    refresh();
    return { status: "success", message: "revoked" };
  } catch (error) {
    return actionError(error);
  }
}

// step 1 of an import: parse and validate the CSV; nothing is written
export async function previewPanelImportAction(orgId: string, csv: string): Promise<ImportPreviewResult> {
  try {
    return { status: "preview", preview: await previewPanelInvitations(await getDb(), await getActor(), orgId, csv) };
  } catch (error) {
    return actionError(error) as Failure;
  }
}

// step 2: write the valid rows and send the invitations
export async function importPanelInvitationsAction(orgId: string, panelId: string, csv: string): Promise<ImportResult> {
  try {
    const result = await importPanelInvitations(await getDb(), await getActor(), orgId, { panelId, csv }, await requestBaseUrl());
    refresh();
    return { status: "imported", invited: result.invited.length, skipped: result.skipped };
  } catch (error) {
    return actionError(error) as Failure;
  }
}

export type SamplePreview = Awaited<ReturnType<typeof previewPanelSample>>;
export type SamplePreviewResult = { status: "preview"; preview: SamplePreview } | Failure;

// draw a balanced sample to look at; nothing is written
export async function previewSampleAction(orgId: string, panelId: string, request: { size: string; balanceOn: string[] }): Promise<SamplePreviewResult> {
  try {
    return { status: "preview", preview: await previewPanelSample(await getDb(), await getActor(), orgId, { panelId, ...request }) };
  } catch (error) {
    return actionError(error) as Failure;
  }
}

// save the previewed draw under a name
export async function saveSampleAction(orgId: string, panelId: string, request: { size: string; balanceOn: string[]; seed: string; name: string }): Promise<ActionState> {
  try {
    const sample = await savePanelSample(await getDb(), await getActor(), orgId, { panelId, ...request });
    refresh();
    return { status: "success", message: sample.name };
  } catch (error) {
    return actionError(error, { name: request.name });
  }
}
