import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { writeInitialConsentTexts } from "@/lib/consent/write-initial-consent-texts";
import { AppError } from "@/lib/errors";
import { createInstrumentFromDefinition } from "@/lib/instruments/create-instrument-from-definition";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { defaultConsentText } from "./consent";
import { defaultCouncilSurvey } from "./default-council-survey";
import { firstSessionOn } from "./first-session";
import { createCouncilSchema, type CreateCouncilInput } from "./schemas";

/**
 * Creates a council with its session survey (an existing published instrument, or a new default one)
 * and schedules its first session, all in one transaction.
 */
export async function createCouncil(db: Db, actor: Actor | null, orgId: string, input: CreateCouncilInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const { startsOn, surveyInstrumentId, consentText, cadenceMonths, ...settings } = createCouncilSchema.parse(input);
  return db.transaction(async (tx) => {
    const templateInstrumentId = surveyInstrumentId ?? (await createDefaultSurvey(tx, actor!, organization.id, settings.name));
    if (surveyInstrumentId) await requirePublishedInstrument(tx, organization.id, surveyInstrumentId);
    const [council] = await tx
      .insert(programs)
      .values({
        ...settings,
        organizationId: organization.id,
        kind: "council",
        cadenceMonths: cadenceMonths ?? 3,
        consentText: consentText ?? defaultConsentText(settings.defaultLocale, settings.name),
        startsOn: firstSessionOn(startsOn, settings.openDay, now),
        templateInstrumentId,
        createdByUserId: actor!.userId,
      })
      .returning({ id: programs.id, name: programs.name, startsOn: programs.startsOn, consentText: programs.consentText });
    await writeInitialConsentTexts(tx, { id: council.id, organizationId: organization.id, name: council.name, defaultLocale: settings.defaultLocale, consentText: council.consentText }, actor!.userId, now);
    if (!surveyInstrumentId) await tx.update(instruments).set({ programId: council.id }).where(eq(instruments.id, templateInstrumentId));
    const firstSession = await planNextCycle(tx, council.id);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "council.created", targetType: "program", targetId: council.id, details: { cadence: settings.cadence } });
    return { id: council.id, name: council.name, startsOn: council.startsOn, firstSessionOpensAt: firstSession?.opensAt ?? council.startsOn };
  });
}

async function createDefaultSurvey(tx: Db, actor: Actor, orgId: string, councilName: string): Promise<string> {
  const definition = defaultCouncilSurvey(councilName);
  const name = (definition.title.en ?? councilName).slice(0, 120);
  const instrument = await createInstrumentFromDefinition(tx, actor, orgId, { name, definition });
  await publishInstrument(tx, actor, orgId, { instrumentId: instrument.id });
  return instrument.id;
}

async function requirePublishedInstrument(tx: Db, orgId: string, instrumentId: string) {
  const [instrument] = await tx
    .select({ latestVersion: instruments.latestVersion })
    .from(instruments)
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, orgId)))
    .limit(1);
  if (!instrument) throw new AppError("NOT_FOUND", "notFound", { surveyInstrumentId: "notFound" });
  if (instrument.latestVersion === 0) throw new AppError("INVALID", "surveyNotPublished", { surveyInstrumentId: "surveyNotPublished" });
}
