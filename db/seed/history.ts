import { eq } from "drizzle-orm";
import type { Db } from "../connect";
import { cycleNotifications, instrumentVersions, instruments, programCycles, programs, responseAnswers, responses, type MemberAttributes } from "../schema";
import type { Answers } from "@/lib/instruments/answers";
import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";
import { FRONTLINE_PAIN_AREAS, FRONTLINE_PULSE } from "@/lib/frontline/default-pulse";
import type { Locale } from "@/lib/i18n/locales";
import { cycleWindow } from "@/lib/programs/cycle-schedule";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import { answerRows } from "@/lib/responses/answer-rows";
import { seedCouncil, type SeedSession } from "./council";
import { seededRandom } from "./random";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Random = ReturnType<typeof seededRandom>;
export interface SeedPerson {
  userId: string;
  locale: Locale;
  attributes: MemberAttributes;
}

const bank = (code: string, id: string) => ({ ...ITEM_BANK.find((item) => item.code === code)!.question, id }) as Question;
const text = (en: string, pl: string, ru: string): LocalizedText => ({ en, pl, ru });

const CUSTOMER_PULSE: Definition = {
  title: text("Customer pulse", "Puls klienta", "Пульс клиента"),
  intro: text("Five minutes on how we treated you this quarter.", "Pięć minut o tym, jak traktowaliśmy Cię w tym kwartale.", "Пять минут о том, как мы относились к вам в этом квартале."),
  defaultLocale: "en",
  requiredLocales: ["en", "pl", "ru"],
  questions: [
    bank("NPS", "nps"),
    bank("CSAT", "csat"),
    ...[1, 2, 3, 4, 5].map((n) => bank(`SERVQUAL_EMP_${n}`, `emp${n}`)),
    { id: "differently", type: "text", multiline: true, maxLength: 1000, required: false, prompt: text("What should we do differently?", "Co powinniśmy robić inaczej?", "Что нам стоит делать иначе?") },
  ],
};

const COMMENTS: Record<Locale, string[]> = {
  en: ["Staff listened and did not rush me.", "The returns desk needs more people on Saturdays.", "Ads that follow me around feel creepy.", "Opening hours do not fit shift workers.", "They remembered my size from last time, lovely."],
  pl: ["Obsługa wysłuchała mnie bez pośpiechu.", "W soboty przy zwrotach brakuje ludzi.", "Reklamy, które za mną chodzą, są niepokojące.", "Godziny otwarcia nie pasują do pracy zmianowej.", "Pamiętali mój rozmiar z poprzedniej wizyty."],
  ru: ["Мне не хватило внимания, консультант торопился.", "Вывески и чеки только на польском и английском.", "Реклама, которая преследует меня, пугает.", "Часы работы неудобны для тех, кто работает сменами.", "Никто не понял, что мне было нужно."],
};
const STAFF_NOTES: Record<Locale, [praised: string, idea: string]> = {
  en: ["People loved the repair service.", "Let us reserve items for a day by phone."],
  pl: ["Klienci chwalili serwis naprawczy.", "Pozwólmy rezerwować towar telefonicznie na jeden dzień."],
  ru: ["Людям понравился ремонтный сервис.", "Давайте разрешим бронировать товар по телефону на день."],
};

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random.next() * 4)];
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

/** Customers answering with Russian as their language feel less understood: a gap for KPIs to find. */
function customerAnswers(random: Random, person: SeedPerson, quarter: number): Answers {
  const gap = person.attributes.language === "ru" ? -1.3 : 0;
  const trend = quarter * 0.35;
  const answers: Answers = { nps: clamp(6.5 + trend + gap + random.next() * 4 - 1.5, 0, 10), csat: clamp(3.4 + trend / 2 + gap / 2 + random.next() * 2 - 0.8, 1, 5) };
  for (let n = 1; n <= 5; n++) answers[`emp${n}`] = clamp(4.6 + trend + gap + random.next() * 3 - 1.4, 1, 7);
  if (random.next() < 0.6) answers.differently = random.pick(COMMENTS[person.locale]);
  return answers;
}

/** What staff say customers struggled with, by the pain area they chose. */
const STRUGGLED: Record<Locale, Record<(typeof FRONTLINE_PAIN_AREAS)[number], string>> = {
  en: { waiting: "Long queues at the tills on Saturday mornings.", stock: "Customers could not find sizes online that we have in store.", returns: "Returns without a receipt take far too long to process.", language: "Signs and receipts are only in Polish and English.", prices: "The promotion price on the shelf did not match the till.", digital: "The app logged people out at checkout.", other: "Parking outside the store was full all week." },
  pl: { waiting: "Długie kolejki do kas w sobotnie poranki.", stock: "Klienci nie mogli znaleźć w sieci rozmiarów, które mamy w sklepie.", returns: "Zwroty bez paragonu trwają o wiele za długo.", language: "Oznakowanie i paragony są tylko po polsku i angielsku.", prices: "Cena promocyjna na półce nie zgadzała się z kasą.", digital: "Aplikacja wylogowywała ludzi przy płatności.", other: "Parking przed sklepem był pełny przez cały tydzień." },
  ru: { waiting: "Длинные очереди на кассах по субботам утром.", stock: "Клиенты не находили онлайн размеры, которые есть в магазине.", returns: "Возврат без чека оформляется слишком долго.", language: "Вывески и чеки только на польском и английском.", prices: "Акционная цена на полке не совпадала с ценой на кассе.", digital: "Приложение выкидывало из аккаунта при оплате.", other: "Парковка у магазина была забита всю неделю." },
};

function staffAnswers(random: Random, person: SeedPerson, month: number): Answers {
  const [praised, idea] = STAFF_NOTES[person.locale];
  const painArea = random.pick(FRONTLINE_PAIN_AREAS.slice(0, 4 + (month % 3)));
  const answers: Answers = { struggled: STRUGGLED[person.locale][painArea], pain_area: painArea, empathy: clamp(3 + month * 0.3 + random.next() * 2 - 1, 1, 5), urgency: random.next() < 0.1 ? "now" : random.next() < 0.5 ? "soon" : "low" };
  if (random.next() < 0.7) answers.praised = praised;
  if (random.next() < 0.5) answers.idea = idea;
  return answers;
}

/** A closed instrument with its version and the answers of the share of `people` who responded; returns the instrument. */
export async function seedRound(tx: Tx, random: Random, organizationId: string, createdByUserId: string, name: string, definition: Definition, audience: "participant" | "frontline", people: SeedPerson[], window: [Date, Date], answer: (person: SeedPerson) => Answers, programId: string | null = null, share = 0.72) {
  const [instrument] = await tx
    .insert(instruments)
    .values({ organizationId, name, draft: definition, latestVersion: 1, hasUnpublishedChanges: false, isOpen: false, audience: [audience], programId, createdByUserId, createdAt: window[0], updatedAt: window[1] })
    .returning({ id: instruments.id });
  const [version] = await tx.insert(instrumentVersions).values({ organizationId, instrumentId: instrument.id, version: 1, definition, publishedByUserId: createdByUserId, publishedAt: window[0] }).returning({ id: instrumentVersions.id });
  const span = window[1].getTime() - window[0].getTime();
  for (const person of people) {
    if (random.next() > share) continue;
    const answers = answer(person);
    const submittedAt = new Date(window[0].getTime() + Math.floor(random.next() * span));
    const id = uuid(random);
    await tx.insert(responses).values({ id, organizationId, instrumentId: instrument.id, instrumentVersionId: version.id, respondentUserId: person.userId, status: "completed", locale: person.locale, answers, attributes: person.attributes, startedAt: submittedAt, updatedAt: submittedAt, submittedAt });
    const rows = answerRows(definition, answers).map((row) => ({ ...row, responseId: id, organizationId, instrumentId: instrument.id, submittedAt }));
    if (rows.length > 0) await tx.insert(responseAnswers).values(rows);
  }
  return instrument.id;
}

/**
 * History for the demo: three quarterly customer pulses (the sessions of the customer advisory
 * council) and three monthly frontline pulses (the monthly frontline insights program),
 * closed, with answers whose numbers move over time and differ by segment. Deterministic.
 */
export async function seedHistory(tx: Tx, organizationId: string, researcherUserId: string, customers: SeedPerson[], staff: SeedPerson[]) {
  const random = seededRandom(2026_09_30);
  const quarters: Array<[string, [Date, Date]]> = [
    ["Q1 2026", [new Date("2026-02-02T09:00:00Z"), new Date("2026-03-20T18:00:00Z")]],
    ["Q2 2026", [new Date("2026-05-04T09:00:00Z"), new Date("2026-06-19T18:00:00Z")]],
    ["Q3 2026", [new Date("2026-08-03T09:00:00Z"), new Date("2026-09-18T18:00:00Z")]],
  ];
  const councilSessions: SeedSession[] = [];
  for (const [quarter, [label, window]] of quarters.entries()) {
    const instrumentId = await seedRound(tx, random, organizationId, researcherUserId, `Customer pulse — ${label}`, CUSTOMER_PULSE, "participant", customers, window, (person) => customerAnswers(random, person, quarter));
    councilSessions.push({ instrumentId, window });
  }
  await seedCouncil(tx, organizationId, researcherUserId, customers, CUSTOMER_PULSE, councilSessions);
  const months: Array<[string, [Date, Date]]> = [
    ["August 2026", [new Date("2026-08-01T08:00:00Z"), new Date("2026-08-10T18:00:00Z")]],
    ["September 2026", [new Date("2026-09-01T08:00:00Z"), new Date("2026-09-10T18:00:00Z")]],
    ["October 2026", [new Date("2026-10-01T08:00:00Z"), new Date("2026-10-10T18:00:00Z")]],
  ];
  const program = await seedFrontlineProgram(tx, organizationId, researcherUserId);
  for (const [month, [label, window]] of months.entries()) {
    const instrumentId = await seedRound(tx, random, organizationId, researcherUserId, `Frontline pulse — ${label}`, FRONTLINE_PULSE, "frontline", staff, window, (person) => staffAnswers(random, person, month), program.id);
    const cycle = cycleWindow(program, month);
    const [seeded] = await tx.insert(programCycles).values({ programId: program.id, organizationId, sequence: month, opensAt: cycle.opensAt, closesAt: cycle.closesAt, status: "closed", instrumentId, openedAt: cycle.opensAt, closedAt: cycle.closesAt }).returning({ id: programCycles.id });
    // Every member of staff was invited, as opening the cycle would have done.
    await tx.insert(cycleNotifications).values(staff.map((person) => ({ cycleId: seeded.id, userId: person.userId, kind: "invitation" as const, sequence: 0, sentAt: cycle.opensAt })));
  }
  // November's round is scheduled like any other: its job opens it with a fresh copy of the survey.
  await planNextCycle(tx as unknown as Db, program.id);
}

/** The monthly frontline insights program the pulses above belong to, with its published survey. */
async function seedFrontlineProgram(tx: Tx, organizationId: string, researcherUserId: string) {
  const createdAt = new Date("2026-07-20T09:00:00Z");
  const [template] = await tx
    .insert(instruments)
    .values({ organizationId, name: "Frontline insights survey", draft: FRONTLINE_PULSE, latestVersion: 1, hasUnpublishedChanges: false, isOpen: false, audience: ["frontline"], createdByUserId: researcherUserId, createdAt, updatedAt: createdAt })
    .returning({ id: instruments.id });
  await tx.insert(instrumentVersions).values({ organizationId, instrumentId: template.id, version: 1, definition: FRONTLINE_PULSE, publishedByUserId: researcherUserId, publishedAt: createdAt });
  const [program] = await tx
    .insert(programs)
    .values({
      organizationId,
      kind: "frontline",
      name: "Monthly frontline insights",
      purpose: "Hear every month what customers tell the people who serve them.",
      cadence: "monthly",
      startsOn: new Date("2026-08-01T08:00:00Z"),
      openDay: 1,
      openForDays: 10,
      templateInstrumentId: template.id,
      createdByUserId: researcherUserId,
      createdAt,
    })
    .returning();
  await tx.update(instruments).set({ programId: program.id }).where(eq(instruments.id, template.id));
  return program;
}
