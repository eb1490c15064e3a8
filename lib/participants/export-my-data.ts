import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
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
