import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { panelAttributes, panelSampleMembers, panelSamples, programMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { requireProgram } from "@/lib/programs/require-program";
import { drawSample } from "./draw-sample";
import { attributeDefinitions, profileAttributes } from "./panel-attributes";
import { activePanelProfiles } from "./panel-members";
import { drawSampleSchema, saveSampleSchema, type DrawSampleInput, type SaveSampleInput } from "./schemas";

async function drawFromPanel(db: Db, actor: Actor | null, orgId: string, input: { panelId: string; size: number; balanceOn: string[]; seed: string }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const panel = await requireProgram(db, organization.id, input.panelId, "panel");
  const custom = await db.select({ key: panelAttributes.key, label: panelAttributes.label, values: panelAttributes.values }).from(panelAttributes).where(eq(panelAttributes.organizationId, organization.id));
  const known = new Set(attributeDefinitions(custom).map((definition) => definition.key));
  if (!input.balanceOn.every((attribute) => known.has(attribute))) throw new AppError("INVALID", "balanceOnInvalid", { balanceOn: "balanceOnInvalid" });
  const members = await activePanelProfiles(db, panel.id);
  const drawn = drawSample(members.map((member) => ({ userId: member.userId, attributes: profileAttributes(member.profile) })), input);
  return { organization, panel, drawn, available: members.length };
}

/** Draws a balanced sample without saving it; the returned seed saves exactly this draw. */
export async function previewPanelSample(db: Db, actor: Actor | null, orgId: string, input: DrawSampleInput) {
  const parsed = drawSampleSchema.parse(input);
  const seed = parsed.seed || randomBytes(9).toString("base64url");
  const { drawn, available } = await drawFromPanel(db, actor, orgId, { ...parsed, seed });
  return { seed, size: parsed.size, balanceOn: parsed.balanceOn, available, selected: drawn.userIds.length, balance: drawn.balance, excluded: drawn.excluded };
}

/** Saves the draw a preview showed (same seed, same members) under a name for one study. */
export async function savePanelSample(db: Db, actor: Actor | null, orgId: string, input: SaveSampleInput) {
  const { name, ...request } = saveSampleSchema.parse(input);
  return db.transaction(async (tx) => {
    const { organization, panel, drawn } = await drawFromPanel(tx, actor, orgId, request);
    if (drawn.userIds.length === 0) throw new AppError("INVALID", "sampleEmpty");
    const [sample] = await tx
      .insert(panelSamples)
      .values({ programId: panel.id, organizationId: organization.id, name, criteria: { size: request.size, balanceOn: request.balanceOn }, createdByUserId: actor!.userId })
      .returning({ id: panelSamples.id, name: panelSamples.name });
    await tx.insert(panelSampleMembers).values(drawn.userIds.map((userId) => ({ sampleId: sample.id, userId })));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "panel.sample_saved", targetType: "panel_sample", targetId: sample.id, details: { size: drawn.userIds.length } });
    return { ...sample, members: drawn.userIds.length };
  });
}

/** A panel's saved samples, newest first, each with how many it holds per value of what it was balanced on. */
export async function listPanelSamples(db: Db, actor: Actor | null, orgId: string, panelId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const panel = await requireProgram(db, organization.id, panelId, "panel");
  const samples = await db
    .select({ id: panelSamples.id, name: panelSamples.name, criteria: panelSamples.criteria, createdAt: panelSamples.createdAt })
    .from(panelSamples)
    .where(eq(panelSamples.programId, panel.id))
    .orderBy(desc(panelSamples.createdAt))
    .limit(100);
  if (samples.length === 0) return [];
  const members = await db
    .select({ sampleId: panelSampleMembers.sampleId, profile: programMembers.profile })
    .from(panelSampleMembers)
    .innerJoin(programMembers, and(eq(programMembers.userId, panelSampleMembers.userId), eq(programMembers.programId, panel.id)))
    .where(inArray(panelSampleMembers.sampleId, samples.map((sample) => sample.id)))
    .orderBy(asc(panelSampleMembers.sampleId));
  return samples.map((sample) => {
    const profiles = members.filter((member) => member.sampleId === sample.id).map((member) => profileAttributes(member.profile));
    const composition = sample.criteria.balanceOn.flatMap((attribute) => {
      const counts = new Map<string, number>();
      for (const profile of profiles) {
        const value = profile[attribute];
        if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ attribute, value, count }));
    });
    return { ...sample, members: profiles.length, composition };
  });
}
