"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { applyTag, removeTag } from "@/lib/coding/apply-tag";
import { createHighlight } from "@/lib/coding/create-highlight";
import { createTag } from "@/lib/coding/create-tag";
import { decideSentiment, decideSuggestion } from "@/lib/coding/decide-suggestion";
import { deleteTag } from "@/lib/coding/delete-tag";
import { markCoded } from "@/lib/coding/mark-coded";
import { mergeTags } from "@/lib/coding/merge-tags";
import { removeHighlight } from "@/lib/coding/remove-highlight";
import { moveTag, updateTag } from "@/lib/coding/update-tag";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

// Each action authenticates, hands its input to one lib/coding use case (which checks the
// permission and parses with zod) and maps failures through actionError.

type CodingInput<T> = { orgId: string } & T;

async function run(work: (actor: Awaited<ReturnType<typeof getActor>>) => Promise<unknown>, values?: Record<string, string>, message?: string): Promise<ActionState> {
  try {
    await work(await getActor());
    revalidatePath("/o/[org]/workspace/coding", "layout");
    return { status: "success", message };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function createHighlightAction({ orgId, ...input }: CodingInput<{ itemId: string; start: number; end: number; tagIds: string[] }>) {
  return run(async (actor) => createHighlight(await getDb(), actor, { id: orgId }, input));
}
export async function applyTagAction({ orgId, ...input }: CodingInput<{ highlightId: string; tagId: string }>) {
  return run(async (actor) => applyTag(await getDb(), actor, { id: orgId }, input));
}
export async function removeTagAction({ orgId, ...input }: CodingInput<{ highlightId: string; tagId: string }>) {
  return run(async (actor) => removeTag(await getDb(), actor, { id: orgId }, input));
}
export async function removeHighlightAction({ orgId, ...input }: CodingInput<{ highlightId: string }>) {
  return run(async (actor) => removeHighlight(await getDb(), actor, { id: orgId }, input));
}
export async function markCodedAction({ orgId, ...input }: CodingInput<{ itemId: string }>) {
  return run(async (actor) => markCoded(await getDb(), actor, { id: orgId }, input));
}
export async function decideSuggestionAction({ orgId, ...input }: CodingInput<{ suggestionId: string; decision: "accept" | "dismiss" }>) {
  return run(async (actor) => decideSuggestion(await getDb(), actor, { id: orgId }, input));
}
export async function decideSentimentAction({ orgId, ...input }: CodingInput<{ itemId: string; decision: "accept" | "dismiss" }>) {
  return run(async (actor) => decideSentiment(await getDb(), actor, { id: orgId }, input));
}

export async function createTagAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  return run(async (actor) => createTag(await getDb(), actor, { id: values.orgId ?? "" }, { name: values.name ?? "", description: values.description ?? "", color: values.color ?? "" }), values, "tagCreated");
}
export async function updateTagAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  return run(async (actor) => updateTag(await getDb(), actor, { id: values.orgId ?? "" }, { tagId: values.tagId ?? "", name: values.name ?? "", description: values.description ?? "", color: values.color ?? "" }), values, "tagSaved");
}
export async function moveTagAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  return run(async (actor) => moveTag(await getDb(), actor, { id: values.orgId ?? "" }, { tagId: values.tagId ?? "", direction: values.direction === "up" ? "up" : "down" }), values);
}
export async function deleteTagAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  return run(async (actor) => deleteTag(await getDb(), actor, { id: values.orgId ?? "" }, { tagId: values.tagId ?? "" }), values, "tagDeleted");
}
export async function mergeTagsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  return run(async (actor) => mergeTags(await getDb(), actor, { id: values.orgId ?? "" }, { sourceTagId: values.sourceTagId ?? "", targetTagId: values.targetTagId ?? "" }), values, "tagsMerged");
}
