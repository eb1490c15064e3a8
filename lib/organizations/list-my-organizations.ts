import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";

export async function listMyOrganizations(db: Db, actor: Actor) {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, actor.userId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(organizations.name));
}
