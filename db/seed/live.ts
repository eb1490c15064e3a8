import type { z } from "zod";
import type { Db } from "../connect";
import { livePolls, liveSessions } from "../schema";
import type { Definition, LocalizedText } from "@/lib/instruments/definition";
import { buildPollDefinition, POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Translated = { pl: string; ru: string };

export const DEMO_LIVE_SESSION_TITLE = "Weekend opening hours";

interface DemoPoll {
  content: Omit<z.input<typeof pollContentSchema>, "defaultLocale">;
  /** The console's form asks for options in one language; the demo shows them in all three. */
  choices?: Translated[];
  scaleLabels?: [Translated, Translated];
}

/** The prepared polls of the demo session: one choice, a 0–10 scale and an open question, in three languages. */
const DEMO_LIVE_POLLS: DemoPoll[] = [
  {
    content: {
      kind: "single",
      prompt: "When would you shop with us on a Sunday?",
      translations: { pl: "Kiedy robiłbyś u nas zakupy w niedzielę?", ru: "Когда вы делали бы у нас покупки в воскресенье?" },
      choices: ["Morning", "Afternoon", "Evening", "Not on Sundays"],
    },
    choices: [
      { pl: "Rano", ru: "Утром" },
      { pl: "Po południu", ru: "Днём" },
      { pl: "Wieczorem", ru: "Вечером" },
      { pl: "Nie w niedziele", ru: "Не по воскресеньям" },
    ],
  },
  {
    content: {
      kind: "scale",
      prompt: "How likely are you to visit a store opening on Sundays?",
      translations: { pl: "Jak bardzo prawdopodobne jest, że odwiedzisz sklep otwarty w niedziele?", ru: "Насколько вероятно, что вы придёте в магазин, открытый по воскресеньям?" },
      minLabel: "Not at all likely",
      maxLabel: "Extremely likely",
    },
    scaleLabels: [
      { pl: "Zupełnie nieprawdopodobne", ru: "Совсем маловероятно" },
      { pl: "Bardzo prawdopodobne", ru: "Очень вероятно" },
    ],
  },
  {
    content: {
      kind: "text",
      prompt: "What would make a Sunday visit worth it?",
      translations: { pl: "Co sprawiłoby, że niedzielna wizyta byłaby warta zachodu?", ru: "Что сделало бы визит в воскресенье стоящим?" },
    },
  },
];

function withTranslations(definition: Definition, poll: DemoPoll): Definition {
  const add = (text: LocalizedText | undefined, translated: Translated | undefined) => (text && translated ? { ...text, ...translated } : text);
  return {
    ...definition,
    questions: definition.questions.map((question) => {
      if (question.id !== POLL_QUESTION_ID) return question;
      if (question.type === "single" || question.type === "multiple") return { ...question, choices: question.choices.map((choice, index) => ({ ...choice, label: add(choice.label, poll.choices?.[index])! })) };
      if (question.type === "scale") return { ...question, minLabel: add(question.minLabel, poll.scaleLabels?.[0]), maxLabel: add(question.maxLabel, poll.scaleLabels?.[1]) };
      return question;
    }),
  };
}

/** Tomorrow at the next full hour: the demo's session is always upcoming when the demo starts. */
function upcomingStart(now: Date): Date {
  return new Date(Math.ceil((now.getTime() + 86_400_000) / 3_600_000) * 3_600_000);
}

/** One scheduled session of the demo panel with its polls prepared, so the console has something to run. */
export async function seedLiveSession(tx: Tx, organizationId: string, panelId: string, researcherUserId: string, now: Date) {
  const [session] = await tx
    .insert(liveSessions)
    .values({ organizationId, programId: panelId, title: DEMO_LIVE_SESSION_TITLE, defaultLocale: "en", scheduledAt: upcomingStart(now), createdByUserId: researcherUserId, createdAt: now })
    .returning({ id: liveSessions.id });
  await tx.insert(livePolls).values(
    DEMO_LIVE_POLLS.map((poll, index) => {
      const parsed = pollContentSchema.parse({ defaultLocale: "en", ...poll.content });
      return { sessionId: session.id, organizationId, position: index + 1, kind: parsed.kind, definition: withTranslations(buildPollDefinition(parsed), poll) };
    }),
  );
  return session;
}
