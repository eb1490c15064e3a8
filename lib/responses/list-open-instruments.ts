import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, responses } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import type { LocalizedText } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { mayAnswerInstrument } from "@/lib/cycles/eligibility";

export interface OpenInstrument {
  id: string;
  /** The title of the latest published version, in every language it has. */
  title: LocalizedText;
  defaultLocale: Locale;
  /** The actor's own response, if they started one. */
  status: "not_started" | "in_progress" | "completed";
}

/**
 * What the portal offers a respondent: open instruments of their organization whose audience
 * includes their role (and, for a program's cycle, whose program they belong to) and that have a
 * published version, with how far they got in each.
 */
export async function listOpenInstruments(db: Db, actor: Actor | null, org: OrgRef): Promise<OpenInstrument[]> {
  const { organization, role, userId } = await requirePermission(db, actor, org, "instruments.respond");
  const rows = await db
    .select({
      id: instruments.id,
      title: sql<LocalizedText>`${instrumentVersions.definition}->'title'`,
      defaultLocale: sql<Locale>`${instrumentVersions.definition}->>'defaultLocale'`,
      status: responses.status,
    })
    .from(instruments)
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .leftJoin(responses, and(eq(responses.instrumentId, instruments.id), eq(responses.respondentUserId, actor!.userId)))
    .where(and(eq(instruments.organizationId, organization.id), eq(instruments.isOpen, true), gt(instruments.latestVersion, 0), sql`${role}::member_role = any(${instruments.audience})`, mayAnswerInstrument(userId, role)))
    .orderBy(asc(instruments.createdAt), asc(instruments.id));
  return rows.map((row) => ({ ...row, status: row.status ?? "not_started" }));
}
