import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { definitionSchema, isAnswerable } from "./definition";
import { instrumentIdSchema } from "./schemas";
import { missingTranslations } from "./translations";
import { incompatibleQuestions } from "./version-compatibility";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Freezes the draft as the next version. Refused while a required language is incomplete, when
 * there is nothing to answer, or when a question id is reused with another meaning.
 */
export async function publishInstrument(db: Db, actor: Actor | null, orgId: string, input: { instrumentId: string }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  const { instrumentId } = instrumentIdSchema.parse(input);
  return db.transaction((tx) => publishDraft(tx, { organizationId: organization.id, instrumentId, publishedByUserId: actor!.userId }));
}

/**
 * The publishing rules and writes, for callers that already decided who may publish: a signed-in
 * researcher above, or a background job storing a finished live session (no one signed in).
 */
export async function publishDraft(tx: Tx | Db, { organizationId, instrumentId, publishedByUserId, now = new Date() }: { organizationId: string; instrumentId: string; publishedByUserId: string | null; now?: Date }) {
  const [instrument] = await tx
    .select({ id: instruments.id, draft: instruments.draft, latestVersion: instruments.latestVersion })
    .from(instruments)
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organizationId)))
    .for("update");
  if (!instrument) throw new AppError("NOT_FOUND", "notFound");
  const definition = definitionSchema.parse(instrument.draft);
  if (!definition.questions.some(isAnswerable)) throw new AppError("INVALID", "publishNoQuestions");
  const missing = missingTranslations(definition);
  // Each missing text is named where a draft carries it: definition/questions/2/prompt/pl.
  if (missing.length > 0) throw new AppError("INVALID", "publishMissingTranslations", Object.fromEntries(missing.map(({ path, locale }) => [`definition/${path.replaceAll(".", "/")}/${locale}`, "translationMissing"])));
  const earlier = await tx.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, instrument.id));
  const changed = incompatibleQuestions(definition, earlier.map((row) => row.definition));
  if (changed.length > 0) throw new AppError("CONFLICT", "publishChangedMeaning", Object.fromEntries(changed.map((id) => [id, "questionChangedMeaning"])));

  const version = instrument.latestVersion + 1;
  const [created] = await tx
    .insert(instrumentVersions)
    .values({ organizationId, instrumentId: instrument.id, version, definition, publishedByUserId, publishedAt: now })
    .returning({ id: instrumentVersions.id, version: instrumentVersions.version, publishedAt: instrumentVersions.publishedAt });
  await tx.update(instruments).set({ latestVersion: version, hasUnpublishedChanges: false, updatedAt: now }).where(eq(instruments.id, instrument.id));
  await recordAudit(tx as Db, { organizationId, actorUserId: publishedByUserId, action: "instrument.published", targetType: "instrument", targetId: instrument.id, details: { version } });
  return created;
}
