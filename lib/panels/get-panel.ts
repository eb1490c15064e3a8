import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** The panels of an organization with their active member counts, newest first. */
export async function listPanels(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  const inOrg = and(eq(programs.organizationId, organization.id), eq(programs.kind, "panel"));
  const [panels, memberCounts] = await Promise.all([
    db.select({ id: programs.id, name: programs.name, purpose: programs.purpose, targetSize: programs.targetSize, status: programs.status }).from(programs).where(inOrg).orderBy(desc(programs.createdAt)),
    db
      .select({ programId: programMembers.programId, active: count() })
      .from(programMembers)
      .innerJoin(programs, eq(programs.id, programMembers.programId))
      .where(and(inOrg, eq(programMembers.status, "active")))
      .groupBy(programMembers.programId),
  ]);
  const active = new Map(memberCounts.map((row) => [row.programId, row.active]));
  return panels.map((panel) => ({ ...panel, activeMembers: active.get(panel.id) ?? 0 }));
}

/** One panel of the organization with its settings; another organization's panel is NOT_FOUND. */
export async function getPanel(db: Db, actor: Actor | null, orgId: string, panelId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  if (!isUuid(panelId)) throw new AppError("NOT_FOUND", "notFound");
  const [panel] = await db
    .select({
      id: programs.id,
      name: programs.name,
      purpose: programs.purpose,
      consentText: programs.consentText,
      defaultLocale: programs.defaultLocale,
      targetSize: programs.targetSize,
      panelQuotas: programs.panelQuotas,
      status: programs.status,
      createdAt: programs.createdAt,
    })
    .from(programs)
    .where(and(eq(programs.id, panelId), eq(programs.organizationId, organization.id), eq(programs.kind, "panel")))
    .limit(1);
  if (!panel) throw new AppError("NOT_FOUND", "notFound");
  const [members] = await db.select({ active: count() }).from(programMembers).where(and(eq(programMembers.programId, panel.id), eq(programMembers.status, "active")));
  return { ...panel, activeMembers: members.active };
}
