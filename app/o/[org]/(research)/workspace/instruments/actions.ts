"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { createInstrument } from "@/lib/instruments/create-instrument";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { createInstrumentSchema, instrumentIdSchema, saveDraftSchema, setAvailabilitySchema } from "@/lib/instruments/schemas";
import { setAvailability } from "@/lib/instruments/set-availability";

/** What the builder's calls return: the use case's result, or catalog keys (per question for publishing). */
export type BuilderResult<T> = { status: "success"; data: T } | Extract<ActionState, { status: "error" }>;

const refresh = () => revalidatePath("/o/[org]/workspace/instruments", "layout");

async function run<T>(perform: () => Promise<T>): Promise<BuilderResult<T>> {
  try {
    const data = await perform();
    refresh();
    return { status: "success", data };
  } catch (error) {
    return actionError(error) as Extract<ActionState, { status: "error" }>;
  }
}

// POST (form) – create an instrument, then open it in the builder
export async function createInstrumentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let target: string;
  try {
    const instrument = await createInstrument(await getDb(), await getActor(), values.orgId ?? "", createInstrumentSchema.parse(values));
    refresh();
    target = `/o/${values.orgSlug}/workspace/instruments/${instrument.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}

// save the builder's draft, based on the revision the editor started from
export async function saveDraftAction(orgId: string, input: unknown) {
  return run(async () => saveDraft(await getDb(), await getActor(), orgId, saveDraftSchema.parse(input)));
}

// freeze the saved draft as the next version
export async function publishInstrumentAction(orgId: string, input: unknown) {
  return run(async () => publishInstrument(await getDb(), await getActor(), orgId, instrumentIdSchema.parse(input)));
}

// open or close the published instrument to its audience
export async function setAvailabilityAction(orgId: string, input: unknown) {
  return run(async () => setAvailability(await getDb(), await getActor(), orgId, setAvailabilitySchema.parse(input)));
}
