"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { scheduledNow } from "@/lib/jobs/instance-clock";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import type { WebhookEndpointInput } from "@/lib/webhooks/schemas";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const LIST = "/o/[org]/admin/webhooks";
const ENDPOINT = "/o/[org]/admin/webhooks/[endpointId]";

/** The form's fields; the event checkboxes repeat one name, so they are read as a list. */
function endpointForm(formData: FormData): { values: Record<string, string>; input: WebhookEndpointInput } {
  const values = formValues(formData);
  // Checked against the event types by the use case's schema.
  const events = formData.getAll("events").filter((value): value is string => typeof value === "string") as WebhookEndpointInput["events"];
  return { values: { ...values, events: events.join(" ") }, input: { url: values.url ?? "", description: values.description ?? "", events } };
}

export async function createWebhookEndpointAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = endpointForm(formData);
  let path: string;
  try {
    const endpoint = await createWebhookEndpoint(await getDb(), await getActor(), { slug: values.org ?? "" }, input);
    path = `/o/${values.org}/admin/webhooks/${endpoint.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath(LIST, "page");
  redirect(path);
}

export async function updateWebhookEndpointAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = endpointForm(formData);
  try {
    await updateWebhookEndpoint(await getDb(), await getActor(), { slug: values.org ?? "" }, { endpointId: values.endpointId ?? "" }, input);
    revalidatePath(ENDPOINT, "page");
    return { status: "success", message: "saved" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setWebhookEndpointEnabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setWebhookEndpointEnabled(await getDb(), await getActor(), { slug: values.org ?? "" }, { endpointId: values.endpointId ?? "", isEnabled: values.isEnabled === "true" });
    revalidatePath(ENDPOINT, "page");
    return { status: "success" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function rotateWebhookSecretAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await rotateWebhookSecret(await getDb(), await getActor(), { slug: values.org ?? "" }, { endpointId: values.endpointId ?? "" });
    revalidatePath(ENDPOINT, "page");
    return { status: "success", message: "rotated" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function deleteWebhookEndpointAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await deleteWebhookEndpoint(await getDb(), await getActor(), { slug: values.org ?? "" }, { endpointId: values.endpointId ?? "" });
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath(LIST, "page");
  redirect(`/o/${values.org}/admin/webhooks`);
}

/** Sends a delivery again now and says how the receiver answered. */
export async function redeliverWebhookAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const db = await getDb();
    const outcome = await redeliverWebhook(db, await getActor(), { slug: values.org ?? "" }, { deliveryId: values.deliveryId ?? "" }, await scheduledNow(db));
    revalidatePath(ENDPOINT, "page");
    return { status: "success", message: outcome.error ?? "delivered", values: { responseStatus: String(outcome.responseStatus ?? "") } };
  } catch (error) {
    return actionError(error, values);
  }
}
