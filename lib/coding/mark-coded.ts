import "server-only";
import type { Db } from "@/db/client";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { markReviewed, requireItemText } from "./require-coding-rows";
import { itemRefSchema } from "./schemas";

/** Marks an item coded by this coder, also when nothing in it deserved a tag. */
export async function markCoded(db: Db, actor: Actor | null, org: OrgRef, input: { itemId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { itemId } = itemRefSchema.parse(input);
  await requireItemText(db, organization.id, itemId);
  await markReviewed(db, organization.id, userId, itemId);
}
