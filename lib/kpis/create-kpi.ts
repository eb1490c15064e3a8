import "server-only";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { kpiDefinitions, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { listSegmentValues } from "./read-kpi-rollups";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";
import { createKpiSchema, type CreateKpiInput } from "./schemas";

/**
 * The stored scale of a custom KPI. Answers carry their place on their own question's scale (0–1),
 * so a mean or top box is kept on 0–100 whatever scales the items were asked on; an NPS needs the
 * 0–10 scale with promoters from 9 and detractors up to 6.
 */
function scaleOf(input: { aggregation: "mean" | "top_box" | "nps" | "response_rate"; topBoxFrom: number }) {
  if (input.aggregation === "nps") return { scaleMin: 0, scaleMax: 10, topBoxMin: 9, bottomBoxMax: 6 };
  if (input.aggregation === "response_rate") return { scaleMin: 0, scaleMax: 100, topBoxMin: null, bottomBoxMax: null };
  return { scaleMin: 0, scaleMax: 100, topBoxMin: input.topBoxFrom, bottomBoxMax: 100 - input.topBoxFrom };
}

/** How a KPI is stored: a response rate is a share (answered of invited) over no items. */
function sourceOf(input: { aggregation: "mean" | "top_box" | "nps" | "response_rate"; itemCodes: string[]; programId?: string }) {
  if (input.aggregation === "response_rate") return { source: "response_rate" as const, aggregation: "top_box" as const, itemCodes: [], programId: input.programId ?? null };
  return { source: "items" as const, aggregation: input.aggregation, itemCodes: [...new Set(input.itemCodes)], programId: null };
}

const slug = (name: string) => name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "kpi";

/**
 * Defines a KPI over item codes of the item bank or the organization's own, counting every answer
 * already stored (from everyone, or from one segment such as Russian speakers), or a response rate
 * over one programme's rounds or all of them.
 */
export async function createKpi(db: Db, actor: Actor | null, orgId: string, rawInput: CreateKpiInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  const input = createKpiSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    if (input.segment) {
      const known = await listSegmentValues(tx, organization.id);
      if (!known.some((choice) => choice.key === input.segment!.key && choice.value === input.segment!.value)) throw new AppError("INVALID", "formHasErrors", { segment: "kpiSegmentUnknown" });
    }
    if (input.programId) {
      const [programme] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.id, input.programId), eq(programs.organizationId, organization.id)));
      if (!programme) throw new AppError("INVALID", "formHasErrors", { programId: "kpiProgrammeInvalid" });
    }
    const base = `custom-${slug(input.name)}`;
    const taken = new Set((await tx.select({ key: kpiDefinitions.key }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, organization.id), like(kpiDefinitions.key, `${base}%`)))).map((row) => row.key));
    let key = base;
    for (let suffix = 2; taken.has(key); suffix++) key = `${base}-${suffix}`;
    const [created] = await tx
      .insert(kpiDefinitions)
      .values({ organizationId: organization.id, key, name: input.name, isBuiltIn: false, ...sourceOf(input), segmentKey: input.segment?.key ?? null, segmentValue: input.segment?.value ?? null, period: input.period, ...scaleOf(input) })
      .returning({ id: kpiDefinitions.id, key: kpiDefinitions.key });
    // A response rate reads its programmes' rounds; it has no answers to roll up (nor a reason to lock the rollups).
    if (input.aggregation !== "response_rate") await rebuildKpiRollups(tx, organization.id, [created.id]);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "kpi.created", targetType: "kpi", targetId: created.id, details: { key } });
    return created;
  });
}
