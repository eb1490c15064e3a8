"use server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { addLivePoll } from "@/lib/live/add-live-poll";
import { closeLivePoll } from "@/lib/live/close-live-poll";
import { deleteLivePoll } from "@/lib/live/delete-live-poll";
import { editLivePoll } from "@/lib/live/edit-live-poll";
import { endLiveSession } from "@/lib/live/end-live-session";
import type { LivePollSummary } from "@/lib/live/events";
import { highlightLivePost } from "@/lib/live/highlight-live-post";
import { hideLivePost } from "@/lib/live/hide-live-post";
import { listLivePolls } from "@/lib/live/list-live-polls";
import { moveLivePoll } from "@/lib/live/move-live-poll";
import { pushLivePoll } from "@/lib/live/push-live-poll";
import { showLivePost } from "@/lib/live/show-live-post";
import { startLiveSession } from "@/lib/live/start-live-session";
import { pollContentFromForm } from "@/lib/polls/schemas";

/** What the console's buttons send; every use case checks the actor's permission itself. */
interface SessionRef {
  orgId: string;
  sessionId: string;
}

async function attempt(work: () => Promise<unknown>): Promise<ActionState> {
  try {
    await work();
    return { status: "success" };
  } catch (error) {
    return actionError(error);
  }
}

// POST – start / end a session, close its current poll
export async function startLiveSessionAction({ orgId, sessionId }: SessionRef) {
  return attempt(async () => startLiveSession(await getDb(), await getActor(), { id: orgId }, { sessionId }));
}
export async function endLiveSessionAction({ orgId, sessionId }: SessionRef) {
  return attempt(async () => endLiveSession(await getDb(), await getActor(), { id: orgId }, { sessionId }));
}
export async function closeLivePollAction({ orgId, sessionId }: SessionRef) {
  return attempt(async () => closeLivePoll(await getDb(), await getActor(), { id: orgId }, { sessionId }));
}

// POST – push, delete or move one prepared poll
export async function pushLivePollAction({ orgId, sessionId, pollId }: SessionRef & { pollId: string }) {
  return attempt(async () => pushLivePoll(await getDb(), await getActor(), { id: orgId }, { sessionId, pollId }));
}
export async function deleteLivePollAction({ orgId, sessionId, pollId }: SessionRef & { pollId: string }) {
  return attempt(async () => deleteLivePoll(await getDb(), await getActor(), { id: orgId }, { sessionId, pollId }));
}
export async function moveLivePollAction({ orgId, sessionId, pollId, direction }: SessionRef & { pollId: string; direction: "up" | "down" }) {
  return attempt(async () => moveLivePoll(await getDb(), await getActor(), { id: orgId }, { sessionId, pollId, direction }));
}

// POST – moderate a post of the thread
export async function moderateLivePostAction({ orgId, sessionId, postId, change }: SessionRef & { postId: string; change: "hide" | "show" | "highlight" | "unhighlight" }) {
  return attempt(async () => {
    const db = await getDb();
    const actor = await getActor();
    const input = { sessionId, postId };
    if (change === "hide") return hideLivePost(db, actor, { id: orgId }, input);
    if (change === "show") return showLivePost(db, actor, { id: orgId }, input);
    return highlightLivePost(db, actor, { id: orgId }, { ...input, highlighted: change === "highlight" });
  });
}

// GET – the prepared list, after this or another moderator changed it
export async function listLivePollsAction({ orgId, sessionId }: SessionRef): Promise<LivePollSummary[] | null> {
  try {
    return await listLivePolls(await getDb(), await getActor(), { id: orgId }, { sessionId });
  } catch (error) {
    actionError(error);
    return null;
  }
}

// POST (form) – add a poll, or edit a prepared one when the form names it
export async function saveLivePollAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const db = await getDb();
    const actor = await getActor();
    const content = { ...pollContentFromForm(values), sessionId: values.sessionId ?? "" };
    if (values.pollId) await editLivePoll(db, actor, { id: values.orgId ?? "" }, { ...content, pollId: values.pollId });
    else await addLivePoll(db, actor, { id: values.orgId ?? "" }, content);
    return { status: "success" };
  } catch (error) {
    return actionError(error, values);
  }
}
