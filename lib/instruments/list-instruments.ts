import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, responses } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

export async function listInstruments(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  return db
    .select({
      id: instruments.id,
      name: instruments.name,
      latestVersion: instruments.latestVersion,
      hasUnpublishedChanges: instruments.hasUnpublishedChanges,
      isOpen: instruments.isOpen,
      updatedAt: instruments.updatedAt,
      // Qualified by hand: in a one-table select Drizzle leaves columns bare, and a bare "id" here would mean the response's.
      completed: sql<number>`(select count(*)::int from ${responses} where "responses"."instrument_id" = "instruments"."id" and "responses"."status" = 'completed')`,
    })
    .from(instruments)
    .where(eq(instruments.organizationId, organization.id))
    .orderBy(desc(instruments.updatedAt));
}
