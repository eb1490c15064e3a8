import type { Db } from "../connect";
import { resonanceTests } from "../schema";
import type { Answers } from "@/lib/instruments/answers";
import type { LocalizedText } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { buildResonanceDefinition, conceptPrefix, REACTION_ITEMS, reactionQuestionId } from "@/lib/resonance/reaction-items";
import { seedRound, type SeedPerson } from "./history";
import { seededRandom } from "./random";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const OPEN_REACTIONS: Record<Locale, [warm: string, lasting: string]> = {
  en: ["Feels like a shop that knows winter here.", "Repairs included is the first thing I would tell a friend."],
  pl: ["Miło, ciepło, bez nachalności.", "Brzmi, jakby się z nas śmiali, że nie stać nas na nową kurtkę."],
  ru: ["Тёплая идея, хочется зайти.", "Ремонт включён — это честно."],
};

const clamp = (value: number) => Math.max(1, Math.min(5, Math.round(value)));

/**
 * The demo campaign's first resonance test, closed: "Warm welcome" lands everywhere, while the
 * Polish copy of "Built to last" reads as mocking, so Polish speakers diverge on it.
 */
export async function seedResonanceTest(tx: Tx, organizationId: string, campaign: { id: string; concepts: Array<{ id: string; title: string; copy: LocalizedText }> }, panelId: string, researcherUserId: string, members: SeedPerson[]) {
  const random = seededRandom(2026_11_16);
  const concepts = campaign.concepts.map((concept, index) => ({ conceptId: concept.id, prefix: conceptPrefix(index), title: concept.title }));
  const definition = buildResonanceDefinition(campaign.concepts.map((concept, index) => ({ prefix: concepts[index].prefix, copy: concept.copy })));
  const window: [Date, Date] = [new Date("2026-11-16T09:00:00Z"), new Date("2026-11-19T18:00:00Z")];
  const answer = (person: SeedPerson): Answers => {
    const answers: Answers = {};
    const isPolish = person.attributes.language === "pl";
    for (const [index, { prefix }] of concepts.entries()) {
      const base = index === 0 ? 4 : isPolish ? 2.3 : 4.2;
      for (const item of REACTION_ITEMS) answers[reactionQuestionId(prefix, item.key)] = clamp(base + (item.key === "respectful" && index === 1 && isPolish ? -0.9 : 0) + random.next() * 1.4 - 0.7);
      if (random.next() < 0.5) answers[reactionQuestionId(prefix, "open")] = OPEN_REACTIONS[person.locale][index];
    }
    return answers;
  };
  const instrumentId = await seedRound(tx, random, organizationId, researcherUserId, "Winter layers — resonance test", definition, "participant", members, window, answer, panelId, 0.9);
  await tx.insert(resonanceTests).values({ organizationId, campaignId: campaign.id, programId: panelId, instrumentId, concepts, status: "closed", invited: members.length, deadline: window[1], createdByUserId: researcherUserId, openedAt: window[0], closedAt: window[1] });
}
