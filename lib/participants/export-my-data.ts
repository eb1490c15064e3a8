import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgContext, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { collectAllMyData } from "./collect-my-data";
import { renderMyDataHtml } from "./render-my-data-html";

export const MY_DATA_FORMATS = ["json", "html"] as const;
export const exportMyDataSchema = z.object({
  format: z.enum(MY_DATA_FORMATS).default("json"),
  locale: z.enum(LOCALES),
});
export type ExportMyDataInput = z.input<typeof exportMyDataSchema>;

const CONTENT_TYPES = { json: "application/json; charset=utf-8", html: "text/html; charset=utf-8" } as const;

/**
 * Everything the person's "my data" page shows, with every list in full, as one download: the JSON
 * document (`MyDataExport`, versioned by `schemaVersion`) or a readable HTML summary in their
 * language. The file name carries the organization and the date, never the person. Every download
 * is audited with its format.
 */
export async function exportMyData(db: Db, actor: Actor | null, org: OrgRef, input: ExportMyDataInput, now = new Date()) {
  const context = await requirePermission(db, actor, org, "mydata.view");
  const { format, locale } = exportMyDataSchema.parse(input);
  const data = await collectAllMyData(db, context, locale);
  await recordAudit(db, { organizationId: context.organization.id, actorUserId: context.userId, action: "mydata.exported", targetType: "user", targetId: context.userId, details: { format } });
  const body = format === "json" ? `${JSON.stringify(data, null, 2)}\n` : renderMyDataHtml(data);
  return { filename: `attune-my-data-${context.organization.slug}-${now.toISOString().slice(0, 10)}.${format}`, contentType: CONTENT_TYPES[format], body };
}

export const exportPersonDataSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { message: "emailInvalid" }).max(254, { message: "emailInvalid" }),
  format: z.enum(MY_DATA_FORMATS).default("json"),
  /** The person's own language when not given, else the organization's. */
  locale: z.enum(LOCALES, { message: "localeInvalid" }).optional(),
});
export type ExportPersonDataInput = z.input<typeof exportPersonDataSchema>;

/**
 * The command line's way to answer a person's access request: the very download their "my data"
 * page gives them, made by an operator with database access for the member with that email.
 * Audited like their own download, with no actor.
 */
export async function exportPersonDataAsOperator(db: Db, organization: OrgContext["organization"], input: ExportPersonDataInput, now = new Date()) {
  const { email, format, locale } = exportPersonDataSchema.parse(input);
  const [member] = await db
    .select({ membershipId: memberships.id, userId: memberships.userId, role: memberships.role, attributes: memberships.attributes, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organization.id), sql`lower(${users.email}) = ${email}`))
    .limit(1);
  if (!member) throw new AppError("NOT_FOUND", "memberNotFound", { email: "memberNotFound" });
  const context: OrgContext = { organization, role: member.role, membershipId: member.membershipId, attributes: member.attributes, userId: member.userId };
  const data = await collectAllMyData(db, context, locale ?? member.locale ?? organization.defaultLocale);
  await recordAudit(db, { organizationId: organization.id, actorUserId: null, action: "mydata.exported", targetType: "user", targetId: member.userId, details: { format, ...OPERATOR_AUDIT_DETAILS } });
  const body = format === "json" ? `${JSON.stringify(data, null, 2)}\n` : renderMyDataHtml(data);
  return { filename: `attune-my-data-${organization.slug}-${now.toISOString().slice(0, 10)}.${format}`, contentType: CONTENT_TYPES[format], body };
}
