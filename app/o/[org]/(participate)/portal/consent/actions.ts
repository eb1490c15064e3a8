"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { recordConsent } from "@/lib/consent/record-consent";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

// POST (form) – a member grants or withdraws one optional purpose of their council or panel
export async function recordConsentAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const recorded = await recordConsent(await getDb(), await getActor(), values.orgId ?? "", values as never);
    revalidatePath("/o/[org]/portal", "layout");
    return { status: "success", message: recorded.granted ? "granted" : "withdrawn" };
  } catch (error) {
    return actionError(error);
  }
}
