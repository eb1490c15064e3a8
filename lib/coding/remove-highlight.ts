import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { highlights } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { requireOwnHighlight } from "./require-coding-rows";
import { highlightRefSchema } from "./schemas";

/** Deletes one of the coder's highlights with its tags; the item stays marked coded. */
export async function removeHighlight(db: Db, actor: Actor | null, org: OrgRef, input: { highlightId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "insights.code");
  const { highlightId } = highlightRefSchema.parse(input);
  await requireOwnHighlight(db, organization.id, userId, highlightId);
  await db.delete(highlights).where(eq(highlights.id, highlightId));
}
