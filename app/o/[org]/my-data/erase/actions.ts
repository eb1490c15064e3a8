"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/auth";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { eraseMyData } from "@/lib/privacy/erase-person";

export async function eraseMyDataAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let done: string;
  let isAccountDeleted = false;
  try {
    const receipt = await eraseMyData(await getDb(), await getActor(), { id: values.orgId ?? "" }, { confirmation: values.confirmation ?? "" });
    done = `/erased?receipt=${receipt.receiptId}`;
    isAccountDeleted = receipt.isAccountDeleted;
  } catch (error) {
    return actionError(error, values);
  }
  // Their sessions went with the account: clear the cookie too, and land on a public page.
  if (isAccountDeleted) await signOut({ redirectTo: done });
  redirect(done);
}
