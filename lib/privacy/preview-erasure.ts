import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import type { Role } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import { ERASABLE_ROLES } from "./erase-person";
import { describeErasureScope, findErasureTarget, type ErasureScope } from "./erasure-target";
import { findPersonSchema } from "./schemas";

export interface ErasurePreview {
  policy: "keep_anonymous" | "delete";
  membershipId: string;
  role: Role;
  /** Admins, leaders and researchers must be demoted or removed first. */
  isErasable: boolean;
  scope: ErasureScope;
}

async function policyOf(db: Db, organizationId: string) {
  const [row] = await db.select({ policy: organizations.erasurePolicy }).from(organizations).where(eq(organizations.id, organizationId));
  return row.policy;
}

/** What erasing a member (found by email) would take, before the admin confirms. */
export async function previewPersonErasure(db: Db, actor: Actor | null, orgId: string, rawInput: { email: string }): Promise<ErasurePreview> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.manage");
  const { email } = findPersonSchema.parse(rawInput);
  const target = await db.transaction((tx) => findErasureTarget(tx as unknown as Db, organization.id, { email }));
  if (!target) throw new AppError("NOT_FOUND", "privacyPersonNotFound");
  return { policy: await policyOf(db, organization.id), membershipId: target.membershipId, role: target.role, isErasable: ERASABLE_ROLES.includes(target.role), scope: await describeErasureScope(db, organization.id, target.userId) };
}

/** What erasing their own data would take, for the person's confirmation page. */
export async function previewMyErasure(db: Db, actor: Actor | null, org: OrgRef): Promise<ErasurePreview> {
  const context = await requirePermission(db, actor, org, "mydata.view");
  return { policy: await policyOf(db, context.organization.id), membershipId: context.membershipId, role: context.role, isErasable: ERASABLE_ROLES.includes(context.role), scope: await describeErasureScope(db, context.organization.id, context.userId) };
}
