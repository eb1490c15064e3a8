import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../connect";
import { alertRules, campaignConcepts, campaigns, instrumentVersions, instruments, kpiDefinitions, memberships, organizations, programs, users, type MemberAttributes } from "../schema";
import type { Role } from "@/lib/authz/roles";
import type { Locale } from "@/lib/i18n/locales";
import { DEMO_INSTRUMENT, DEMO_INSTRUMENT_NAME } from "./demo-instrument";
import { seedHistory } from "./history";
import { seedLiveSession } from "./live";
import { seedLiveHistory } from "./live-history";
import { DEMO_PANEL_SIZE, seedPanel } from "./panel";
import { seedResonanceTest } from "./resonance";
import { seedCoding } from "./coding";
import { seedCouncilDecision } from "./decision";
import { seededRandom } from "./random";
import { evaluateAlertRules, scheduleAlertEvaluation } from "@/lib/alerts/evaluate-alerts";
import { ensureBuiltInKpis } from "@/lib/kpis/ensure-built-in-kpis";

export const DEMO_ORG_SLUG = "northwind";
export const DEMO_SECOND_ORG_SLUG = "baltic-brews";

/** The people a newcomer signs in as; every role has one memorable address. */
export const DEMO_LOGINS: Array<{ email: string; name: string; role: Role; locale: Locale; attributes?: MemberAttributes }> = [
  { email: "admin@northwind.example", name: "Ada Nowak", role: "admin", locale: "en" },
  { email: "tomasz@northwind.example", name: "Tomasz Zieliński", role: "admin", locale: "pl" },
  { email: "cmo@northwind.example", name: "Lena Fischer", role: "leader", locale: "en" },
  { email: "research@northwind.example", name: "Rafael Ortiz", role: "researcher", locale: "en" },
  { email: "olga@northwind.example", name: "Olga Sokolova", role: "researcher", locale: "ru" },
  { email: "staff@northwind.example", name: "Marta Wiśniewska", role: "frontline", locale: "pl", attributes: { team: "Store operations", location: "Warsaw", role: "Sales associate", tenure: "1to3" } },
  { email: "customer@northwind.example", name: "Irina Petrova", role: "participant", locale: "ru", attributes: { region: "baltics", language: "ru", ageBand: "35to44", tenure: "3to5" } },
];

const FIRST_NAMES = ["Anna", "Piotr", "Olga", "James", "Sofia", "Tomasz", "Dmitri", "Emma", "Kasia", "Liam", "Natalia", "Noah", "Agnieszka", "Sergei", "Mia", "Jakub", "Elena", "Oliver", "Zofia", "Ivan"];
const LAST_NAMES = ["Kowalski", "Smirnova", "Taylor", "Zielińska", "Ivanov", "Brown", "Lewandowski", "Kuznetsova", "Wilson", "Mazur", "Popov", "Davies"];
// The same ids as the council profile (lib/councils/profile-choices.ts), so segments line up.
const REGIONS = ["north", "south", "central", "baltics", "online"];
const AGE_BANDS = ["18to24", "25to34", "35to44", "45to54", "55plus"];
const TENURES = ["under1", "1to3", "3to5", "over5"];
const TEAMS = ["Store operations", "Customer care", "E-commerce", "Repairs"];
const LOCATIONS = ["Warsaw", "Gdańsk", "Riga", "London", "Online"];
const STAFF_ROLES = ["Sales associate", "Care agent", "Team lead", "Technician"];
const LANGUAGES: Locale[] = ["en", "pl", "ru"];

function demoPeople(): Array<{ email: string; name: string; role: Role; locale: Locale; attributes: MemberAttributes }> {
  const random = seededRandom(20261123);
  const people: Array<{ email: string; name: string; role: Role; locale: Locale; attributes: MemberAttributes }> = [];
  for (let i = 1; i <= 40; i++) {
    const language = random.pick(LANGUAGES);
    people.push({
      email: `customer${String(i).padStart(2, "0")}@northwind.example`,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      role: "participant",
      locale: language,
      attributes: { region: random.pick(REGIONS), language, ageBand: random.pick(AGE_BANDS), tenure: random.pick(TENURES) },
    });
  }
  for (let i = 1; i <= 30; i++) {
    people.push({
      email: `staff${String(i).padStart(2, "0")}@northwind.example`,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      role: "frontline",
      locale: random.pick(LANGUAGES),
      attributes: { team: random.pick(TEAMS), location: random.pick(LOCATIONS), role: random.pick(STAFF_ROLES), tenure: random.pick(TENURES) },
    });
  }
  return people;
}

/** Owners, targets and weights: the CMO's scorecard has three KPIs, the admin's one (too few for a score). */
async function seedKpiTargets(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], organizationId: string, owners: { cmo: string; admin: string }) {
  const settings = [
    { key: "empathy-index", ownerUserId: owners.cmo, target: 70, incentiveWeight: 40 },
    { key: "council-nps", ownerUserId: owners.cmo, target: 15, incentiveWeight: 30 },
    { key: "csat-top-box", ownerUserId: owners.cmo, target: 75, incentiveWeight: 30 },
    { key: "frontline-pulse", ownerUserId: owners.admin, target: 65, incentiveWeight: 100 },
  ];
  for (const { key, ...values } of settings) await tx.update(kpiDefinitions).set(values).where(and(eq(kpiDefinitions.organizationId, organizationId), eq(kpiDefinitions.key, key)));
}

/** A response-rate KPI beside the item KPIs: who answered the monthly frontline pulse of those it was sent to. */
async function seedResponseRateKpi(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], organizationId: string) {
  const [frontline] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.organizationId, organizationId), eq(programs.kind, "frontline")));
  await tx.insert(kpiDefinitions).values({ organizationId, key: "custom-frontline-response-rate", name: "Frontline response rate", source: "response_rate", programId: frontline.id, aggregation: "top_box", itemCodes: [], scaleMin: 0, scaleMax: 100, period: "monthly" });
}

/** The CMO watches the Empathy Index against its target and every resonance test for divergent segments. */
async function seedAlertRules(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], organizationId: string, cmoUserId: string, now: Date) {
  const [empathy] = await tx.select({ id: kpiDefinitions.id }).from(kpiDefinitions).where(and(eq(kpiDefinitions.organizationId, organizationId), eq(kpiDefinitions.key, "empathy-index")));
  await tx.insert(alertRules).values([
    { organizationId, kind: "below_target", kpiId: empathy.id, ownerUserId: cmoUserId, dueDays: 14, createdByUserId: cmoUserId },
    { organizationId, kind: "divergence", ownerUserId: cmoUserId, dueDays: 7, createdByUserId: cmoUserId },
  ]);
  // Raised now, as the rules' first look would; later looks run as jobs.
  await evaluateAlertRules(tx, organizationId, now);
  await scheduleAlertEvaluation(tx, organizationId, now);
}

/** A campaign in testing with two concepts in three languages, waiting for its decision. */
async function seedCampaign(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], organizationId: string, createdByUserId: string) {
  const [campaign] = await tx
    .insert(campaigns)
    .values({ organizationId, name: "Winter layers", markets: ["Poland", "Baltics"], audiences: ["Commuters", "Families"], status: "testing", createdByUserId })
    .returning({ id: campaigns.id });
  const concepts = await tx.insert(campaignConcepts).values([
    { campaignId: campaign.id, organizationId, position: 1, title: "Warm welcome", copy: { en: "Come in from the cold. We will find the layer that fits your day.", pl: "Wejdź z zimna. Znajdziemy warstwę na Twój dzień.", ru: "Заходите с мороза. Мы подберём слой под ваш день." } },
    { campaignId: campaign.id, organizationId, position: 2, title: "Built to last", copy: { en: "One coat, ten winters. Repairs included.", pl: "Jedna kurtka, dziesięć zim. Naprawy w cenie.", ru: "Одна куртка — десять зим. Ремонт включён." } },
  ]).returning({ id: campaignConcepts.id, title: campaignConcepts.title, copy: campaignConcepts.copy });
  return { id: campaign.id, concepts };
}

/**
 * Seeds the demo organizations. Deterministic (a fixed PRNG seed) and idempotent: a second run
 * finds the organization and changes nothing.
 */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
  if (existing) return { created: false };

  return db.transaction(async (tx) => {
    // Two instances starting together both get here: the unique slug lets exactly one seed.
    const [northwind] = await tx
      .insert(organizations)
      .values({ slug: DEMO_ORG_SLUG, name: "Northwind Outfitters", defaultLocale: "en" })
      .onConflictDoNothing()
      .returning({ id: organizations.id });
    if (!northwind) return { created: false };
    const [baltic] = await tx
      .insert(organizations)
      .values({ slug: DEMO_SECOND_ORG_SLUG, name: "Baltic Brews", defaultLocale: "pl" })
      .onConflictDoNothing()
      .returning({ id: organizations.id });

    const people = [...DEMO_LOGINS.map((login) => ({ attributes: {}, ...login })), ...demoPeople()];
    const now = new Date();
    await tx
      .insert(users)
      .values(people.map((person) => ({ email: person.email, name: person.name, locale: person.locale, emailVerified: now })))
      .onConflictDoNothing();
    const ids = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, people.map((person) => person.email)));
    const idByEmail = new Map(ids.map((row) => [row.email, row.id]));

    // Staff joined before the first frontline month, so the history counts them as invited.
    const staffJoined = new Date("2026-06-01T09:00:00Z");
    await tx.insert(memberships).values(
      people.map((person) => ({ organizationId: northwind.id, userId: idByEmail.get(person.email)!, role: person.role, attributes: person.attributes, ...(person.role === "frontline" ? { createdAt: staffJoined } : {}) })),
    );
    const seedPeople = (role: Role) => people.filter((person) => person.role === role).map((person) => ({ userId: idByEmail.get(person.email)!, locale: person.locale, attributes: person.attributes }));
    const researcherId = idByEmail.get("research@northwind.example")!;
    await seedHistory(tx, northwind.id, researcherId, seedPeople("participant"), seedPeople("frontline"));
    const panel = await seedPanel(tx, northwind.id, researcherId, seedPeople("participant"));
    await seedLiveHistory(tx, northwind.id, panel.id, researcherId);
    await seedLiveSession(tx, northwind.id, panel.id, researcherId, now);

    // A published survey open to customers, so the participant portal has something to answer.
    const [instrument] = await tx
      .insert(instruments)
      .values({ organizationId: northwind.id, name: DEMO_INSTRUMENT_NAME, draft: DEMO_INSTRUMENT, latestVersion: 1, hasUnpublishedChanges: false, isOpen: true, audience: ["participant"], createdByUserId: researcherId })
      .returning({ id: instruments.id });
    await tx.insert(instrumentVersions).values({ organizationId: northwind.id, instrumentId: instrument.id, version: 1, definition: DEMO_INSTRUMENT, publishedByUserId: researcherId });
    const campaign = await seedCampaign(tx, northwind.id, idByEmail.get("cmo@northwind.example")!);
    await seedResonanceTest(tx, northwind.id, campaign, panel.id, researcherId, seedPeople("participant").slice(0, DEMO_PANEL_SIZE));
    // After the history and the test, so the built-in KPIs count every seeded answer.
    await ensureBuiltInKpis(tx, northwind.id);
    await seedKpiTargets(tx, northwind.id, { cmo: idByEmail.get("cmo@northwind.example")!, admin: idByEmail.get("admin@northwind.example")! });
    await seedResponseRateKpi(tx, northwind.id);
    await seedCouncilDecision(tx, northwind.id, idByEmail.get("cmo@northwind.example")!);
    await seedAlertRules(tx, northwind.id, idByEmail.get("cmo@northwind.example")!, now);
    await seedCoding(tx, northwind.id, { researcher: researcherId, second: idByEmail.get("admin@northwind.example")! });
    // One person in two organizations with different roles, to show switching between them.
    if (baltic) {
      await ensureBuiltInKpis(tx, baltic.id);
      const joinedLater = new Date(now.getTime() + 1000);
      await tx.insert(memberships).values([
        { organizationId: baltic.id, userId: idByEmail.get("research@northwind.example")!, role: "leader", createdAt: joinedLater },
        { organizationId: baltic.id, userId: idByEmail.get("admin@northwind.example")!, role: "admin", createdAt: joinedLater },
      ]);
    }
    return { created: true };
  });
}
