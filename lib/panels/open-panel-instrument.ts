import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, panelSamples, programs } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { appOrigin } from "@/lib/cycles/cycle-mail";
import type { EligiblePerson } from "@/lib/cycles/eligibility";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import type { Definition } from "@/lib/instruments/definition";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { sendMail } from "@/lib/mail/send-mail";

/**
 * The organization's panel (or, where `kinds` allows, council) and, when named, one of the panel's
 * samples; anything else is not found.
 */
export async function findPanelAndSample(tx: Db, organizationId: string, panelId: string, sampleId: string | undefined, kinds: ReadonlyArray<"panel" | "council"> = ["panel"]) {
  const [panel] = await tx
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(and(eq(programs.id, panelId), eq(programs.organizationId, organizationId), inArray(programs.kind, [...kinds])));
  if (!panel) throw new AppError("NOT_FOUND", "notFound");
  if (sampleId) {
    const [sample] = await tx.select({ id: panelSamples.id }).from(panelSamples).where(and(eq(panelSamples.id, sampleId), eq(panelSamples.programId, panel.id)));
    if (!sample) throw new AppError("NOT_FOUND", "notFound");
  }
  return panel;
}

/**
 * An instrument tied to a panel, published and open to its participants: how quick polls and
 * resonance tests reach people. Runs in the caller's transaction.
 */
export async function openPanelInstrument(tx: Db, actor: Actor | null, organizationId: string, input: { panelId: string; name: string; definition: Definition }): Promise<string> {
  const [instrument] = await tx
    .insert(instruments)
    .values({ organizationId, name: input.name.slice(0, 120), draft: input.definition, programId: input.panelId, createdByUserId: actor!.userId })
    .returning({ id: instruments.id });
  await publishInstrument(tx, actor, organizationId, { instrumentId: instrument.id });
  await tx.update(instruments).set({ isOpen: true, audience: ["participant"] }).where(eq(instruments.id, instrument.id));
  return instrument.id;
}

type Translator = ReturnType<typeof translatorFor>;
export type InvitationValues = {
  org: string;
  link: string;
  deadline: string;
};

/** Mails each target a link to the instrument in their own language; `compose` words the mail from the catalog. */
export async function mailPanelTargets(
  db: Db,
  organization: { name: string; slug: string },
  targets: readonly EligiblePerson[],
  sent: { instrumentId: string; deadline: Date },
  compose: (t: Translator, values: InvitationValues) => { subject: string; text: string },
) {
  for (const person of targets) {
    const locale = person.locale ?? DEFAULT_LOCALE;
    const { subject, text } = compose(translatorFor(locale), {
      org: organization.name,
      link: new URL(`/o/${organization.slug}/respond/${sent.instrumentId}`, appOrigin()).toString(),
      deadline: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(sent.deadline),
    });
    await sendMail(db, { to: person.email, subject, text });
  }
}
