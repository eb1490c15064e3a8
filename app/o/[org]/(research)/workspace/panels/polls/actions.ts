"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { closeQuickPollNow } from "@/lib/polls/close-quick-poll";
import { createQuickPoll } from "@/lib/polls/create-quick-poll";
import { quickPollFromForm } from "@/lib/polls/schemas";

const refresh = () => revalidatePath("/o/[org]/workspace/panels", "layout");

// POST (form) – send a quick poll to a panel or a sample, then show its results
export async function createQuickPollAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let target: string;
  try {
    const poll = await createQuickPoll(await getDb(), await getActor(), values.orgId ?? "", quickPollFromForm(values));
    refresh();
    target = `/o/${values.orgSlug}/workspace/panels/${poll.panelId}/polls/${poll.pollId}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}

// POST (form) – close a quick poll before its deadline
export async function closeQuickPollAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await closeQuickPollNow(await getDb(), await getActor(), values.orgId ?? "", { pollId: values.pollId ?? "" });
    refresh();
    return { status: "success", message: "closeConfirm" };
  } catch (error) {
    return actionError(error, values);
  }
}
