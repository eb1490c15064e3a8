import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { ROLES } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import { emailSchema } from "./schemas";

export const addMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { message: "roleInvalid" }),
  name: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).max(80, { message: "nameTooLong" }).optional()),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

/**
 * The command line's way to put a person into an organization at once, without an invitation: an
 * operator with database access acts with no one signed in. The account is created when the email
 * has none; they sign in with that email as usual. An existing member is refused (CONFLICT).
 */
export async function addMemberAsOperator(db: Db, organizationId: string, input: AddMemberInput) {
  const parsed = addMemberSchema.parse(input);
  return db.transaction((tx) => addMemberInTransaction(tx, organizationId, parsed));
}

/** The writes of addMemberAsOperator, for a caller that already holds a transaction (a new organization's first admin). */
export async function addMemberInTransaction(tx: Db, organizationId: string, input: AddMemberInput) {
  const { email, role, name } = addMemberSchema.parse(input);
  const [created] = await tx.insert(users).values({ email, name: name ?? null }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  const userId = created?.id ?? (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  const [membership] = await tx
    .insert(memberships)
    .values({ organizationId, userId, role })
    .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
    .returning({ id: memberships.id });
  if (!membership) throw new AppError("CONFLICT", "alreadyMember", { email: "alreadyMember" });
  await recordAudit(tx, { organizationId, actorUserId: null, action: "member.joined", targetType: "membership", targetId: membership.id, details: { role, ...OPERATOR_AUDIT_DETAILS } });
  return { membershipId: membership.id, userId, email, role, isNewAccount: Boolean(created) };
}
