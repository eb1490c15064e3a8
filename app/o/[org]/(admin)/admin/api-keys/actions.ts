"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createApiKey, type IssuedApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { API_FAMILIES } from "@/lib/api-keys/scopes";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

/** The new key travels to the form once, in this answer; it is never stored or rendered by the page. */
export type CreateApiKeyState = ActionState | { status: "created"; key: IssuedApiKey };

/** The form's radios (`scope.<family>` = none | read | write) as scope strings; the domain's schema checks each one. */
function scopesFrom(values: Record<string, string>): string[] {
  return API_FAMILIES.flatMap((family) => {
    const access = values[`scope.${family}`];
    return access && access !== "none" ? [`${family}:${access}`] : [];
  });
}

export async function createApiKeyAction(_state: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const values = formValues(formData);
  try {
    const key = await createApiKey(await getDb(), await getActor(), { id: values.orgId ?? "" }, { name: values.name ?? "", scopes: scopesFrom(values) as CreateApiKeyInput["scopes"] });
    revalidatePath("/o/[org]/admin/api-keys", "page");
    return { status: "created", key };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeApiKeyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await revokeApiKey(await getDb(), await getActor(), { id: values.orgId ?? "" }, values.apiKeyId ?? "");
    revalidatePath("/o/[org]/admin/api-keys", "page");
    return { status: "success", message: "revoked" };
  } catch (error) {
    return actionError(error, values);
  }
}
