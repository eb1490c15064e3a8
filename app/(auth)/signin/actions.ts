"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { EMAIL_PROVIDER_ID, OIDC_PROVIDER_ID, signIn } from "@/lib/auth/auth";
import { limitSignInLinks } from "@/lib/auth/sign-in-rate-limit";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { emailSchema } from "@/lib/organizations/schemas";

const signInSchema = z.object({ email: emailSchema, callbackUrl: z.string().optional() });

export async function requestSignInLinkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let target: string;
  try {
    const { email, callbackUrl } = signInSchema.parse(values);
    await limitSignInLinks(await getDb(), email);
    // Auth.js answers with its own /api/auth URL; the router navigates to our pages instead.
    const next: string = await signIn(EMAIL_PROVIDER_ID, { email, redirectTo: safeRedirectPath(callbackUrl, "/home"), redirect: false });
    target = next.includes("/verify-request") ? "/signin/check-email" : "/signin/error";
  } catch (error) {
    return actionError(error, values);
  }
  redirect(target);
}

export async function signInWithOidcAction(formData: FormData) {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirectPath(formData.get("callbackUrl"), "/home") });
}
