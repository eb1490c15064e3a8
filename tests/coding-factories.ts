import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { codingItems, fieldReports, memberships } from "@/db/schema";
import type { Definition } from "@/lib/instruments/definition";
import { saveResponse } from "@/lib/responses/save-response";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";
import { createOpenInstrument } from "./instrument-factories";
import { createMember, createOrganization } from "./factories";

const text = (en: string) => ({ en, pl: `${en} (pl)`, ru: `${en} (ru)` });

/** An instrument with one long open question ("story") besides a required scale. */
export function storyDefinition(): Definition {
  return {
    title: text("Your story"),
    defaultLocale: "en",
    requiredLocales: ["en", "pl", "ru"],
    questions: [
      { id: "nps", code: "NPS", type: "scale", min: 0, max: 10, prompt: text("Recommend us?"), required: true },
      { id: "story", type: "text", multiline: true, maxLength: 2000, prompt: text("Tell us about your last visit"), required: false },
    ],
  };
}

/** Stories in Attune's three languages, each with the region its teller lives in. */
export const CORPUS_STORIES: ReadonlyArray<{ region: string; locale: "en" | "pl" | "ru"; story: string }> = [
  { region: "north", locale: "en", story: "The checkout queue was painfully slow and the staff seemed stressed." },
  { region: "north", locale: "en", story: "I love the new winter jackets, great customer service!" },
  { region: "south", locale: "pl", story: "Obsługa była bardzo miła, ale kolejka do kasy była okropnie długa." },
  { region: "south", locale: "pl", story: "Fatalna obsługa, jestem bardzo rozczarowany i zły." },
  { region: "east", locale: "ru", story: "Очень долго ждал курьера, всё было ужасно и плохо." },
  { region: "east", locale: "ru", story: "Отлично, хорошо и быстро, спасибо за помощь!" },
];

/**
 * An organization with a researcher, a second researcher (for agreement), a leader, six
 * participants who answered a story each, and one field report; the inbox is synced.
 */
export async function createCodingCorpus(db: Db, { orgOverrides = {} as Parameters<typeof createOrganization>[1] } = {}) {
  const org = await createOrganization(db, orgOverrides);
  const { instrumentId, researcher } = await createOpenInstrument(db, org.id, { definition: storyDefinition() });
  const secondResearcher = await createMember(db, org.id, "researcher");
  const leader = await createMember(db, org.id, "leader");
  const participants = [];
  for (const { region, locale, story } of CORPUS_STORIES) {
    const participant = await createMember(db, org.id, "participant");
    await db.update(memberships).set({ attributes: { region } }).where(eq(memberships.id, participant.membershipId));
    await saveResponse(db, participant.actor, { id: org.id }, { responseId: randomUUID(), instrumentId, locale, answers: { nps: 7, story } }, { complete: true });
    participants.push({ ...participant, region, locale, story });
  }
  const staff = await createMember(db, org.id, "frontline");
  await db.insert(fieldReports).values({ organizationId: org.id, authorUserId: staff.userId, kind: "pain_point", body: "A customer said the fitting rooms are always locked.", team: "floor", location: "Gdańsk" });
  await syncCodingItems(db, org.id);
  const items = await db.select().from(codingItems).where(eq(codingItems.organizationId, org.id));
  return { org, instrumentId, researcher, secondResearcher, leader, participants, staff, items };
}
