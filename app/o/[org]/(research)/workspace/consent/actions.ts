"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { publishConsentText } from "@/lib/consent/publish-consent-text";
import { setDataUsePromises } from "@/lib/consent/set-data-use-promises";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

const refresh = () => revalidatePath("/o/[org]/workspace", "layout");

// POST (form) – publish a new version of one purpose's consent text of a council or panel
export async function publishConsentTextAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const published = await publishConsentText(await getDb(), await getActor(), values.orgId ?? "", values as never);
    refresh();
    return { status: "success", message: String(published.version) };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – set the data-use promises of a council or panel (one checkbox per promise)
export async function setDataUsePromisesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setDataUsePromises(await getDb(), await getActor(), values.orgId ?? "", { ...values, promises: formData.getAll("promise").map(String) } as never);
    refresh();
    return { status: "success", message: "promisesSaved" };
  } catch (error) {
    return actionError(error, values);
  }
}
