"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { addConcept } from "@/lib/campaigns/add-concept";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { setCampaignStatus } from "@/lib/campaigns/set-campaign-status";
import { recordDecision } from "@/lib/decisions/record-decision";
import { closeResonanceTestNow } from "@/lib/resonance/close-resonance-test";
import { createResonanceTest } from "@/lib/resonance/create-resonance-test";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

export async function createCampaignAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let path: string;
  try {
    const campaign = await createCampaign(await getDb(), await getActor(), values.orgId ?? "", { name: values.name ?? "", markets: values.markets ?? "", audiences: values.audiences ?? "" });
    path = `/o/${values.orgSlug}/campaigns/${campaign.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(path);
}

export async function addConceptAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    // A file input left empty still posts an empty, nameless file.
    const file = formData.get("image");
    const image = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    await addConcept(await getDb(), await getActor(), values.orgId ?? "", { campaignId: values.campaignId ?? "", title: values.title ?? "", copyEn: values.copyEn, copyPl: values.copyPl, copyRu: values.copyRu }, image);
    revalidatePath("/o/[org]/campaigns/[campaignId]", "page");
    return { status: "success", message: "conceptAdded" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setCampaignStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setCampaignStatus(await getDb(), await getActor(), values.orgId ?? "", { campaignId: values.campaignId ?? "", status: values.status ?? "" });
    revalidatePath("/o/[org]/campaigns/[campaignId]", "page");
    return { status: "success", message: "statusSaved", values };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function recordDecisionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await recordDecision(await getDb(), await getActor(), values.orgId ?? "", {
      campaignId: values.campaignId ?? "",
      kind: values.kind as "revise",
      rationale: values.rationale ?? "",
      evidenceKpiKeys: formData.getAll("evidenceKpiKeys").map(String),
      evidenceResonanceTestIds: formData.getAll("evidenceResonanceTestIds").map(String),
      evidenceQuoteRefs: formData.getAll("evidenceQuoteRefs").map(String),
      evidenceMemoIds: formData.getAll("evidenceMemoIds").map(String),
      evidenceInsightIds: formData.getAll("evidenceInsightIds").map(String),
      expectedKpiKeys: formData.getAll("expectedKpiKeys").map(String),
      correctsDecisionId: values.correctsDecisionId ?? "",
    });
    revalidatePath("/o/[org]/campaigns/[campaignId]", "page");
    return { status: "success", message: "decisionRecorded" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function runResonanceTestAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  // The chosen concepts come back with an error so the form keeps them.
  const values: Record<string, string> = { ...formValues(formData), conceptIds: formData.getAll("conceptIds").map(String).join(",") };
  let path: string;
  try {
    const test = await createResonanceTest(await getDb(), await getActor(), values.orgId ?? "", {
      campaignId: values.campaignId ?? "",
      panelId: values.panelId ?? "",
      sampleId: values.sampleId ?? "",
      conceptIds: values.conceptIds ? values.conceptIds.split(",") : [],
      deadline: values.deadline ?? "",
      respectfulThreshold: values.respectfulThreshold ?? "",
    });
    path = `/o/${values.orgSlug}/campaigns/${values.campaignId}/resonance/${test.testId}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(path);
}

export async function closeResonanceTestAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await closeResonanceTestNow(await getDb(), await getActor(), values.orgId ?? "", values.testId ?? "");
    revalidatePath("/o/[org]/campaigns/[campaignId]/resonance/[testId]", "page");
    return { status: "success", message: "closedNow" };
  } catch (error) {
    return actionError(error, values);
  }
}
