"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/authz/policy";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/organizations/schemas";

export async function createOrganizationAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let slug: string;
  try {
    const organization = await createOrganization(await getDb(), await getActor(), createOrganizationSchema.parse(values));
    slug = organization.slug;
  } catch (error) {
    return actionError(error, values);
  }
  redirect(homePath(slug, "admin"));
}
