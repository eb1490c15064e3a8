"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findAuditActor } from "@/lib/audit/find-audit-actor";
import { auditQuerySchema } from "@/lib/audit/list-audit-entries";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";

/** Looks the typed email up and shows that person's entries, with the other filters kept. */
export async function filterAuditByPersonAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let actorUserId: string;
  try {
    actorUserId = await findAuditActor(await getDb(), await getActor(), { id: values.orgId ?? "" }, { email: values.email ?? "" });
  } catch (error) {
    return actionError(error, values);
  }
  const { action, target, from, to } = auditQuerySchema.parse(values);
  const query = Object.fromEntries(Object.entries({ action, target, from, to, actor: actorUserId }).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  redirect(`/o/${encodeURIComponent(values.orgSlug ?? "")}/admin/audit?${new URLSearchParams(query)}`);
}
