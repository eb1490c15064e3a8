import "server-only";
import { like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { createOrganizationSchema, type CreateOrganizationInput } from "./schemas";
import { slugify } from "./slugify";

/** Any signed-in person may start an organization; they become its first admin. */
export async function createOrganization(db: Db, actor: Actor | null, input: CreateOrganizationInput) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const { name, defaultLocale } = createOrganizationSchema.parse(input);
  return db.transaction(async (tx) => {
    const base = slugify(name);
    const taken = await tx.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`));
    const takenSlugs = new Set(taken.map((row) => row.slug));
    let slug = base;
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;

    const [organization] = await tx
      .insert(organizations)
      .values({ name, slug, defaultLocale })
      .returning({ id: organizations.id, slug: organizations.slug, name: organizations.name });
    await tx.insert(memberships).values({ organizationId: organization.id, userId: actor.userId, role: "admin" });
    await ensureBuiltInKpis(tx, organization.id);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor.userId, action: "organization.created", targetType: "organization", targetId: organization.id });
    return organization;
  });
}
