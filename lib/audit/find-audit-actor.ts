import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

export const findAuditActorSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320) });

/**
 * Turns the email an admin typed into the account id the audit search filters by, so the email
 * travels in a form post and never in a URL. Only people of this organization are found.
 */
export async function findAuditActor(db: Db, actor: Actor | null, org: OrgRef, input: z.input<typeof findAuditActorSchema>) {
  const { organization } = await requirePermission(db, actor, org, "audit.view");
  const { email } = findAuditActorSchema.parse(input);
  const [person] = await db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, organization.id)))
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!person) throw new AppError("NOT_FOUND", "formHasErrors", { email: "auditActorUnknown" });
  return person.userId;
}
