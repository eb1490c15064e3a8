import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, panelSamples, programs, quickPolls } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/instruments/definition";
import { POLL_QUESTION_ID } from "./build-poll-definition";

/** The organization's quick polls, newest first, with their number of completed answers; optionally one panel's. */
export async function listQuickPolls(db: Db, actor: Actor | null, orgId: string, locale: Locale, { panelId }: { panelId?: string } = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  if (panelId !== undefined && !isUuid(panelId)) throw new AppError("NOT_FOUND", "notFound");
  const rows = await db
    .select({
      id: quickPolls.id,
      panelId: quickPolls.programId,
      panelName: programs.name,
      status: quickPolls.status,
      closeReason: quickPolls.closeReason,
      deadline: quickPolls.deadline,
      openedAt: quickPolls.openedAt,
      definition: instrumentVersions.definition,
      answers: sql<number>`(select count(*)::int from responses r where r.instrument_id = ${quickPolls.instrumentId} and r.status = 'completed')`,
    })
    .from(quickPolls)
    .innerJoin(programs, eq(programs.id, quickPolls.programId))
    .innerJoin(instruments, eq(instruments.id, quickPolls.instrumentId))
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .where(and(eq(quickPolls.organizationId, organization.id), panelId ? eq(quickPolls.programId, panelId) : undefined))
    .orderBy(desc(quickPolls.openedAt))
    .limit(200);
  return rows.map(({ definition, ...row }) => {
    const question = definition.questions.find((q) => q.id === POLL_QUESTION_ID);
    return { ...row, question: question ? localize(question.prompt, locale, definition.defaultLocale) : "" };
  });
}
export type QuickPollRow = Awaited<ReturnType<typeof listQuickPolls>>[number];

/** The panels a poll can go to, each with its samples (and, for a resonance test, the councils), for a sending form. */
export async function listPollAudiences(db: Db, actor: Actor | null, orgId: string, { withCouncils = false }: { withCouncils?: boolean } = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const rows = await db
    .select({ panelId: programs.id, panelName: programs.name, kind: programs.kind, sampleId: panelSamples.id, sampleName: panelSamples.name })
    .from(programs)
    .leftJoin(panelSamples, eq(panelSamples.programId, programs.id))
    .where(and(eq(programs.organizationId, organization.id), inArray(programs.kind, withCouncils ? ["panel", "council"] : ["panel"]), eq(programs.status, "active")))
    .orderBy(desc(programs.kind), asc(programs.name), desc(panelSamples.createdAt));
  const panels = new Map<string, { id: string; name: string; kind: "panel" | "council"; samples: Array<{ id: string; name: string }> }>();
  for (const row of rows) {
    const panel = panels.get(row.panelId) ?? { id: row.panelId, name: row.panelName, kind: row.kind === "council" ? "council" : "panel", samples: [] };
    if (row.sampleId && row.sampleName) panel.samples.push({ id: row.sampleId, name: row.sampleName });
    panels.set(row.panelId, panel);
  }
  return [...panels.values()];
}
