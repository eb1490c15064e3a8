"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { attachInsightEvidence, detachInsightEvidence } from "@/lib/insights/insight-evidence";
import { publishInsight, unpublishInsight } from "@/lib/insights/publish-insight";
import { createInsight, updateInsight } from "@/lib/insights/save-insight";

const refresh = () => revalidatePath("/o/[org]/insights", "layout");

export async function createInsightAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let path: string;
  try {
    const insight = await createInsight(await getDb(), await getActor(), values.orgId ?? "", { claim: values.claim ?? "", body: values.body ?? "" });
    path = `/o/${encodeURIComponent(values.orgSlug ?? "")}/insights/${insight.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  refresh();
  redirect(path);
}

export async function updateInsightAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await updateInsight(await getDb(), await getActor(), values.orgId ?? "", { insightId: values.insightId ?? "", claim: values.claim ?? "", body: values.body ?? "" });
    refresh();
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function attachEvidenceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const insightId = values.insightId ?? "";
    const input =
      values.kind === "highlight" ? { insightId, kind: "highlight" as const, highlightId: values.highlightId ?? "" }
      : values.kind === "quote" ? { insightId, kind: "quote" as const, itemId: values.itemId ?? "" }
      : { insightId, kind: "kpi" as const, kpiKey: values.kpiKey ?? "" };
    await attachInsightEvidence(await getDb(), await getActor(), values.orgId ?? "", input);
    refresh();
    return { status: "success", message: "attached" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function detachEvidenceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await detachInsightEvidence(await getDb(), await getActor(), values.orgId ?? "", { insightId: values.insightId ?? "", evidenceId: values.evidenceId ?? "" });
    refresh();
    return { status: "success", message: "detached" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setInsightStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const db = await getDb();
    const actor = await getActor();
    if (values.intent === "unpublish") await unpublishInsight(db, actor, values.orgId ?? "", values.insightId ?? "");
    else await publishInsight(db, actor, values.orgId ?? "", values.insightId ?? "");
    refresh();
    return { status: "success", message: values.intent === "unpublish" ? "unpublished" : "published" };
  } catch (error) {
    return actionError(error, values);
  }
}
