import "server-only";
import { like } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";
import { addMemberInTransaction } from "./add-member";
import { createOrganizationSchema, emailSchema, type CreateOrganizationInput } from "./schemas";
import { slugify } from "./slugify";

/** Any signed-in person may start an organization; they become its first admin. */
export async function createOrganization(db: Db, actor: Actor | null, input: CreateOrganizationInput) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const { name, defaultLocale } = createOrganizationSchema.parse(input);
  return db.transaction(async (tx) => {
    const organization = await insertOrganization(tx, name, defaultLocale);
    await tx.insert(memberships).values({ organizationId: organization.id, userId: actor.userId, role: "admin" });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor.userId, action: "organization.created", targetType: "organization", targetId: organization.id });
    return organization;
  });
}

export const createOrganizationAsOperatorSchema = createOrganizationSchema.extend({ adminEmail: emailSchema.optional() });
export type CreateOrganizationAsOperatorInput = z.input<typeof createOrganizationAsOperatorSchema>;

/**
 * The command line's way in: an operator with database access starts an organization with no one
 * signed in, optionally with a first admin (whose account is created when it does not exist yet).
 */
export async function createOrganizationAsOperator(db: Db, input: CreateOrganizationAsOperatorInput) {
  const { name, defaultLocale, adminEmail } = createOrganizationAsOperatorSchema.parse(input);
  return db.transaction(async (tx) => {
    const organization = await insertOrganization(tx, name, defaultLocale);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: null, action: "organization.created", targetType: "organization", targetId: organization.id, details: { ...OPERATOR_AUDIT_DETAILS } });
    const admin = adminEmail ? await addMemberInTransaction(tx, organization.id, { email: adminEmail, role: "admin" }) : null;
    return { ...organization, defaultLocale, admin };
  });
}

/** A free slug from the name ("acme", then "acme-2"…), the row and the built-in KPIs. */
async function insertOrganization(tx: Db, name: string, defaultLocale: CreateOrganizationInput["defaultLocale"]) {
  const base = slugify(name);
  const taken = await tx.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`));
  const takenSlugs = new Set(taken.map((row) => row.slug));
  let slug = base;
  for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;
  const [organization] = await tx
    .insert(organizations)
    .values({ name, slug, defaultLocale })
    .returning({ id: organizations.id, slug: organizations.slug, name: organizations.name });
  await ensureBuiltInKpis(tx, organization.id);
  return organization;
}
