"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setAnonymityThresholds } from "@/lib/anonymity/set-anonymity-thresholds";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

export async function setAnonymityThresholdsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setAnonymityThresholds(await getDb(), await getActor(), values.orgId ?? "", { minGroupSize: values.minGroupSize, minCommentGroupSize: values.minCommentGroupSize });
    revalidatePath("/o/[org]", "layout");
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}
