import { randomUUID } from "node:crypto";
import type { Db } from "@/db/connect";
import { memberships, organizations, users } from "@/db/schema";
import type { Role } from "@/lib/authz/roles";

export async function createUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${randomUUID()}@example.test`, name: "Test Person", ...overrides })
    .returning({ id: users.id, email: users.email });
  return { id: user.id, email: user.email! };
}

export async function createOrganization(db: Db, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  const [organization] = await db
    .insert(organizations)
    .values({ slug, name: `Org ${slug}`, ...overrides })
    .returning({ id: organizations.id, slug: organizations.slug, name: organizations.name });
  return organization;
}

/** A user who is a member of the organization with the role; returns the actor and ids. */
export async function createMember(db: Db, organizationId: string, role: Role, userOverrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await createUser(db, userOverrides);
  const [membership] = await db.insert(memberships).values({ organizationId, userId: user.id, role }).returning({ id: memberships.id });
  return { actor: { userId: user.id }, userId: user.id, email: user.email, membershipId: membership.id };
}
