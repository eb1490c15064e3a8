"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { PREFERENCE_COOKIE_OPTIONS } from "@/lib/preferences/cookie-options";
import { updateProfile, updateProfileSchema } from "@/lib/users/update-profile";

export async function updateProfileAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const input = updateProfileSchema.parse(values);
    await updateProfile(await getDb(), await getActor(), input);
    if (input.locale) (await cookies()).set(LOCALE_COOKIE, input.locale, PREFERENCE_COOKIE_OPTIONS);
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "saved" };
}
