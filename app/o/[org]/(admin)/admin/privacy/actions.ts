"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { erasePerson } from "@/lib/privacy/erase-person";
import { previewPersonErasure, type ErasurePreview } from "@/lib/privacy/preview-erasure";
import { setErasurePolicy } from "@/lib/privacy/set-erasure-policy";
import { setProgramRetention } from "@/lib/privacy/set-program-retention";

export type FindPersonState = ActionState | { status: "found"; email: string; preview: ErasurePreview };
export type ErasePersonState = ActionState | { status: "erased"; receiptId: string };

export async function setErasurePolicyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setErasurePolicy(await getDb(), await getActor(), values.orgId ?? "", { policy: values.policy as "keep_anonymous" });
    revalidatePath("/o/[org]/admin/privacy", "page");
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setProgramRetentionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await setProgramRetention(await getDb(), await getActor(), values.orgId ?? "", { programId: values.programId ?? "", retentionMonths: values.retentionMonths ?? "" });
    revalidatePath("/o/[org]/admin/privacy", "page");
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function findPersonAction(_state: FindPersonState, formData: FormData): Promise<FindPersonState> {
  const values = formValues(formData);
  try {
    const preview = await previewPersonErasure(await getDb(), await getActor(), values.orgId ?? "", { email: values.email ?? "" });
    return { status: "found", email: (values.email ?? "").trim().toLowerCase(), preview };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function erasePersonAction(_state: ErasePersonState, formData: FormData): Promise<ErasePersonState> {
  const values = formValues(formData);
  try {
    const receipt = await erasePerson(await getDb(), await getActor(), values.orgId ?? "", { membershipId: values.membershipId, confirmation: values.confirmation ?? "", reference: values.reference });
    revalidatePath("/o/[org]/admin", "layout");
    return { status: "erased", receiptId: receipt.receiptId };
  } catch (error) {
    return actionError(error, values);
  }
}
