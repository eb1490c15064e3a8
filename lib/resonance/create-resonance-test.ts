import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignConcepts, campaigns, resonanceTests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { findPanelAndSample, mailPanelTargets, openPanelInstrument } from "@/lib/panels/open-panel-instrument";
import { pollTargets } from "@/lib/polls/poll-targets";
import { buildResonanceDefinition, conceptPrefix } from "./reaction-items";
import { createResonanceTestSchema, RESONANCE_JOB, type CreateResonanceTestInput } from "./schemas";

/**
 * Sends a campaign's chosen concepts to a panel, one of its samples or a council as one instrument with the
 * standard reaction items. In one transaction: the instrument, the test, the job that closes it at
 * the deadline, and the campaign moved to "testing" if it was an idea. Targets are mailed after.
 */
export async function createResonanceTest(db: Db, actor: Actor | null, orgId: string, rawInput: CreateResonanceTestInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const input = createResonanceTestSchema.parse(rawInput);
  if (input.deadline.getTime() <= now.getTime()) throw new AppError("INVALID", "formHasErrors", { deadline: "deadlineInPast" });

  const test = await db.transaction(async (tx) => {
    const [campaign] = await tx.select({ id: campaigns.id, name: campaigns.name, status: campaigns.status }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.organizationId, organization.id))).for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "notFound");
    // An advisory council can be asked as well as a panel; samples are drawn from panels only.
    const panel = await findPanelAndSample(tx, organization.id, input.panelId, input.sampleId, ["panel", "council"]);
    const chosen = await tx
      .select({ id: campaignConcepts.id, title: campaignConcepts.title, copy: campaignConcepts.copy, imageAssetId: campaignConcepts.imageAssetId })
      .from(campaignConcepts)
      .where(and(eq(campaignConcepts.campaignId, campaign.id), inArray(campaignConcepts.id, input.conceptIds)))
      .orderBy(campaignConcepts.position);
    if (chosen.length !== new Set(input.conceptIds).size) throw new AppError("INVALID", "formHasErrors", { conceptIds: "resonanceConceptUnknown" });
    const concepts = chosen.map((concept, index) => ({ conceptId: concept.id, prefix: conceptPrefix(index), title: concept.title }));
    const definition = buildResonanceDefinition(
      chosen.map((concept, index) => ({ prefix: concepts[index].prefix, copy: concept.copy, imageUrl: concept.imageAssetId ? `/api/assets/${concept.imageAssetId}` : undefined })),
    );
    const instrumentId = await openPanelInstrument(tx, actor, organization.id, { panelId: panel.id, name: campaign.name, definition });
    const targets = await pollTargets(tx, { programId: panel.id, sampleId: input.sampleId ?? null });
    const [created] = await tx
      .insert(resonanceTests)
      .values({ organizationId: organization.id, campaignId: campaign.id, programId: panel.id, sampleId: input.sampleId ?? null, instrumentId, concepts, respectfulThreshold: input.respectfulThreshold, invited: targets.length, deadline: input.deadline, createdByUserId: actor!.userId, openedAt: now })
      .returning({ id: resonanceTests.id });
    await enqueueJob(tx, { kind: RESONANCE_JOB.close, runAt: input.deadline, payload: { testId: created.id }, dedupeKey: `${RESONANCE_JOB.close}:${created.id}`, organizationId: organization.id });
    if (campaign.status === "idea") await tx.update(campaigns).set({ status: "testing", updatedAt: now }).where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "resonance_test.created", targetType: "resonance_test", targetId: created.id, details: { campaignId: campaign.id } });
    return { id: created.id, instrumentId, campaignName: campaign.name, targets };
  });

  await mailPanelTargets(db, organization, test.targets, { instrumentId: test.instrumentId, deadline: input.deadline }, (t, values) => ({
    subject: t("resonance.mail.subject", values),
    text: t("resonance.mail.text", values),
  }));
  return { testId: test.id, instrumentId: test.instrumentId, invited: test.targets.length };
}
