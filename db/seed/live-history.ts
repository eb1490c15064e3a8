import { sql } from "drizzle-orm";
import type { Db } from "../connect";
import { rowsOf } from "../rows";
import { liveAnswers, liveEvents, livePollTallies, livePolls, livePosts, liveSessions, type MemberAttributes, type MemberProfile } from "../schema";
import type { AnswerValue } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import type { LiveEventKind, LiveEventPayloads } from "@/lib/live/events";
import { participantAttributes } from "@/lib/live/participant-attributes";
import { storeSessionResponses } from "@/lib/live/store-session-responses";
import { tallyKeys } from "@/lib/live/tally-keys";
import { buildPollDefinition, POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";
import { DEMO_LIVE_SESSION_ID } from "./live-history-ids";
import { seededRandom } from "./random";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const DEMO_LIVE_SESSION_TITLE = "Winter range preview";
const STARTED = Date.parse("2026-10-28T17:02:00Z");
const at = (minutes: number) => new Date(STARTED + minutes * 60_000);

const POLLS = [
  {
    kind: "single",
    prompt: "Which winter jacket would you try on first?",
    translations: { pl: "Którą zimową kurtkę przymierzył(a)byś najpierw?", ru: "Какую зимнюю куртку вы примерили бы первой?" },
    choices: ["Fjord parka", "Tatra quilted jacket", "Riga wool coat"],
  },
  {
    kind: "scale",
    prompt: "How likely are you to recommend the winter range to a friend?",
    translations: { pl: "Jak bardzo prawdopodobne jest, że polecisz kolekcję zimową znajomym?", ru: "Насколько вероятно, что вы порекомендуете зимнюю коллекцию другу?" },
    minLabel: "Not at all likely",
    maxLabel: "Extremely likely",
  },
  {
    kind: "text",
    prompt: "What would make you buy from the winter range this year?",
    translations: { pl: "Co skłoniłoby cię do zakupu z kolekcji zimowej w tym roku?", ru: "Что заставило бы вас купить что-то из зимней коллекции в этом году?" },
  },
] as const;

const TEXTS: Record<Locale, string[]> = {
  en: ["A proper hood that stays up in the wind.", "Free repairs for the first winter.", "If the parka came in a shorter cut.", "Seeing the jackets in store before the first frost."],
  pl: ["Lepsza cena przy zakupie dwóch rzeczy.", "Kurtka, którą da się prać w pralce.", "Więcej rozmiarów dla wysokich osób.", "Darmowa dostawa do paczkomatu."],
  ru: ["Тёплый капюшон и карманы на молнии.", "Возможность вернуть вещь через месяц.", "Больше тёмных цветов, не только бежевый.", "Скидка для постоянных покупателей."],
};

const POSTS: Array<{ minute: number; member: number; body: string; hidden?: boolean; highlighted?: boolean }> = [
  { minute: 4, member: 2, body: "Hello from Gdańsk! Excited to see the new jackets." },
  { minute: 7, member: 5, body: "Парка выглядит тепло, но какой у неё вес?" },
  { minute: 9, member: 8, body: "Czy płaszcz z wełny jest też w kolorze granatowym?", highlighted: true },
  { minute: 12, member: 11, body: "Use my code WIN50 on my own shop for cheaper coats!!!", hidden: true },
  { minute: 19, member: 3, body: "The quilted one would be perfect for cycling to work." },
  { minute: 23, member: 14, body: "Мне важно, чтобы куртку можно было стирать в машинке." },
  { minute: 31, member: 6, body: "Kurtka pikowana wygląda świetnie, ale rękawy są trochę krótkie." },
  { minute: 38, member: 9, body: "Would love a matching hat and gloves set." },
];

interface PanelPerson {
  userId: string;
  name: string;
  locale: Locale;
  profile: MemberProfile;
  segment: MemberAttributes;
}

/**
 * A live session of the demo panel that ended some weeks ago: three polls (a choice, a 0–10 scale,
 * a short text) answered in English, Polish and Russian, a moderated thread, its timeline, running
 * tallies built as live answers build them, and its answers stored as responses like the real job.
 */
export async function seedLiveHistory(tx: Tx, organizationId: string, panelId: string, researcherUserId: string) {
  const random = seededRandom(20261028);
  const people = rowsOf<PanelPerson>(
    await tx.execute(sql`
      select pm.user_id as "userId", coalesce(u.name, u.email) as name, coalesce(u.locale, 'en') as locale, pm.profile, m.attributes as segment
      from program_members pm join users u on u.id = pm.user_id join memberships m on m.user_id = pm.user_id and m.organization_id = ${organizationId}::uuid
      where pm.program_id = ${panelId}::uuid and pm.status = 'active'
      order by u.email`),
  );
  const [session] = await tx
    .insert(liveSessions)
    .values({ id: DEMO_LIVE_SESSION_ID, organizationId, programId: panelId, title: DEMO_LIVE_SESSION_TITLE, defaultLocale: "en", scheduledAt: at(-2), status: "ended", startedAt: at(0), endedAt: at(46), createdByUserId: researcherUserId, createdAt: at(-7 * 24 * 60) })
    .returning({ id: liveSessions.id });

  const events: Array<{ minute: number; kind: LiveEventKind; payload: LiveEventPayloads[LiveEventKind]; actorUserId: string }> = [];
  const event = <K extends LiveEventKind>(minute: number, kind: K, payload: LiveEventPayloads[K], actorUserId = researcherUserId) => events.push({ minute, kind, payload, actorUserId });
  event(0, "session.started", { startedAt: at(0).toISOString() });

  const tallies = new Map<string, number>();
  const written: Record<Locale, number> = { en: 0, pl: 0, ru: 0 };
  for (const [index, content] of POLLS.entries()) {
    const opened = 5 + index * 12;
    const definition = buildPollDefinition(pollContentSchema.parse({ defaultLocale: "en", ...content }));
    const [poll] = await tx
      .insert(livePolls)
      .values({ sessionId: session.id, organizationId, position: index + 1, kind: content.kind, definition, status: "closed", openedAt: at(opened), closedAt: at(opened + 9) })
      .returning({ id: livePolls.id });
    event(opened, "poll.opened", { pollId: poll.id, position: index + 1, kind: content.kind, definition });
    event(opened + 9, "poll.closed", { pollId: poll.id });

    // Most of the room answers the choice and the scale; fewer take the time to write.
    const share = content.kind === "text" ? 0.45 : content.kind === "scale" ? 0.8 : 0.85;
    const answers = [];
    for (const [personIndex, person] of people.entries()) {
      if (random.next() > share) continue;
      const value = answerFor(content.kind, definition, person.locale, random, written);
      const attributes = participantAttributes(person.segment, person.profile, person.locale);
      answers.push({ pollId: poll.id, sessionId: session.id, userId: person.userId, value, attributes, locale: person.locale, answeredAt: new Date(at(opened).getTime() + 20_000 + personIndex * 7_000) });
      const type = definition.questions.find((question) => question.id === POLL_QUESTION_ID)!.type;
      for (const key of tallyKeys(type, value, attributes)) {
        const id = JSON.stringify([poll.id, key.attribute, key.value, key.bucket]);
        tallies.set(id, (tallies.get(id) ?? 0) + 1);
      }
    }
    if (answers.length > 0) await tx.insert(liveAnswers).values(answers);
  }
  await tx.insert(livePollTallies).values([...tallies].map(([id, n]) => {
    const [pollId, attribute, attributeValue, bucket] = JSON.parse(id) as string[];
    return { pollId, attribute, attributeValue, bucket, n };
  }));

  for (const post of POSTS) {
    const author = people[post.member % people.length];
    const [created] = await tx
      .insert(livePosts)
      .values({ sessionId: session.id, userId: author.userId, body: post.body, status: post.hidden ? "hidden" : "visible", highlighted: post.highlighted ?? false, createdAt: at(post.minute) })
      .returning({ id: livePosts.id });
    event(post.minute, "post.created", { postId: created.id, body: post.body, createdAt: at(post.minute).toISOString(), author: { userId: author.userId, name: author.name } }, author.userId);
    if (post.hidden) event(post.minute + 1, "post.hidden", { postId: created.id });
    if (post.highlighted) event(post.minute + 2, "post.highlighted", { postId: created.id, highlighted: true });
  }
  event(46, "session.ended", { endedAt: at(46).toISOString() });

  events.sort((a, b) => a.minute - b.minute);
  await tx.insert(liveEvents).values(events.map((item, index) => ({ sessionId: session.id, seq: index + 1, kind: item.kind, payload: item.payload as Record<string, unknown>, actorUserId: item.actorUserId, createdAt: new Date(at(item.minute).getTime() + index) })));
  await tx.update(liveSessions).set({ lastEventSeq: events.length }).where(sql`${liveSessions.id} = ${session.id}`);
  await storeSessionResponses(tx, session.id, at(47));
  return session;
}

/** `written` counts open answers per language: they are handed out in turn, so a sentence does not repeat while others are unused. */
function answerFor(kind: string, definition: Definition, locale: Locale, random: ReturnType<typeof seededRandom>, written: Record<Locale, number>): AnswerValue {
  if (kind === "scale") return Math.min(10, Math.max(0, Math.round(7 + (random.next() - 0.4) * 6 - (locale === "ru" ? 1 : 0))));
  if (kind === "text") return TEXTS[locale][written[locale]++ % TEXTS[locale].length];
  const question = definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID)!;
  const choices = "choices" in question ? question.choices.map((choice) => choice.id) : [];
  // Polish and Russian speakers lean to the warmer coats, as the regional sales do.
  const weights = locale === "en" ? [0.5, 0.3, 0.2] : [0.25, 0.3, 0.45];
  const roll = random.next();
  return roll < weights[0] ? choices[0] : roll < weights[0] + weights[1] ? choices[1] : choices[2];
}
