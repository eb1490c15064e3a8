import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instrumentVersions, instruments, memberships, organizations, resonanceTests, users } from "@/db/schema";
import { openAlertsSummary } from "@/lib/alerts/list-alerts";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { listProgrammeResponseRates } from "@/lib/programs/programme-response-rates";
import { getResonanceResults } from "@/lib/resonance/get-resonance-results";
import { definitionSchema } from "@/lib/instruments/definition";
import { missingTranslations } from "@/lib/instruments/translations";
import { rowsOf } from "@/db/rows";
import { useTestDatabase } from "@/tests/db";
import { DEMO_LOGINS, DEMO_ORG_SLUG, seedDemo } from "./demo";
import { DEMO_INSTRUMENT_NAME } from "./demo-instrument";

describe("demo seed", () => {
  const database = useTestDatabase();

  it("creates Northwind with every role and varied profiles, and is idempotent", async () => {
    await database.inRollback(async (db) => {
      const alreadySeeded = (await db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG))).length > 0;
      if (!alreadySeeded) expect(await seedDemo(db)).toEqual({ created: true });
      expect(await seedDemo(db)).toEqual({ created: false });

      const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
      const roles = await db
        .select({ role: memberships.role, count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(eq(memberships.organizationId, org.id))
        .groupBy(memberships.role);
      const byRole = Object.fromEntries(roles.map((r) => [r.role, Number(r.count)]));
      expect(byRole).toEqual({ admin: 2, leader: 1, researcher: 2, frontline: 31, participant: 41 });

      const languages = await db.execute(sql`select distinct attributes->>'language' as language from memberships where organization_id = ${org.id} and role = 'participant'`);
      const rows = rowsOf<{ language: string }>(languages);
      expect(rows.map((r) => r.language).sort()).toEqual(["en", "pl", "ru"]);

      const pulses = await db.execute(sql`select i.name, count(r.id)::int as answered from instruments i left join responses r on r.instrument_id = i.id where i.organization_id = ${org.id} and i.name like '%pulse%' group by i.name order by i.name`);
      const pulseRows = rowsOf<{ name: string; answered: number }>(pulses);
      expect(pulseRows.map((row) => row.name)).toEqual([
        "Customer pulse — Q1 2026", "Customer pulse — Q2 2026", "Customer pulse — Q3 2026",
        "Frontline pulse — August 2026", "Frontline pulse — October 2026", "Frontline pulse — September 2026",
      ]);
      for (const row of pulseRows) expect(row.answered).toBeGreaterThan(12);

      // The frontline pulses are the closed months of a monthly program; November is planned next,
      // and some team answers too few to show a score, so the dashboard shows its suppression.
      const cycles = rowsOf<{ sequence: number; status: string; opens_at: Date | string; program_id: string | null }>(
        await db.execute(sql`select c.sequence, c.status, c.opens_at, i.program_id from program_cycles c join programs p on p.id = c.program_id left join instruments i on i.id = c.instrument_id where p.organization_id = ${org.id} and p.kind = 'frontline' and p.name = 'Monthly frontline insights' order by c.sequence`),
      );
      expect(cycles.map((cycle) => [cycle.sequence, cycle.status, new Date(cycle.opens_at).toISOString()])).toEqual([
        [0, "closed", "2026-08-01T08:00:00.000Z"], [1, "closed", "2026-09-01T08:00:00.000Z"], [2, "closed", "2026-10-01T08:00:00.000Z"], [3, "scheduled", "2026-11-01T08:00:00.000Z"],
      ]);
      expect(cycles.slice(0, 3).every((cycle) => cycle.program_id !== null)).toBe(true);
      const smallTeams = await db.execute(sql`select count(*)::int as n from responses r join program_cycles c on c.instrument_id = r.instrument_id where r.organization_id = ${org.id} group by c.sequence, r.attributes->>'team' having count(*) < 5`);
      expect(rowsOf(smallTeams).length).toBeGreaterThan(0);

      // The customer pulses are the closed sessions of the advisory council, whose every demo customer
      // consented; the latest session has a published memo quoting members, and the next is planned.
      const sessions = rowsOf<{ sequence: number; status: string; members: number; memo: string | null; quotes: number | null }>(
        await db.execute(sql`select c.sequence, c.status, (select count(*)::int from program_members m where m.program_id = p.id and m.status = 'active') as members, cm.status as memo, jsonb_array_length(cm.quotes) as quotes from program_cycles c join programs p on p.id = c.program_id left join cycle_memos cm on cm.cycle_id = c.id where p.organization_id = ${org.id} and p.kind = 'council' order by c.sequence`),
      );
      expect(sessions.map((session) => [session.sequence, session.status, session.memo, session.quotes])).toEqual([
        [0, "closed", null, null], [1, "closed", null, null], [2, "closed", "published", 3], [3, "scheduled", null, null],
      ]);
      expect(sessions[0].members).toBe(41);

      // Russian-speaking customers feel less understood: the history holds a segment gap to find.
      const gap = await db.execute(sql`select (r.attributes->>'language' = 'ru') as is_ru, avg(a.numeric_value)::float as mean from response_answers a join responses r on r.id = a.response_id where a.organization_id = ${org.id} and a.item_code like 'SERVQUAL_EMP_%' group by 1`);
      const means = Object.fromEntries(rowsOf<{ is_ru: boolean; mean: number }>(gap).map((row) => [String(row.is_ru), row.mean]));
      expect(means.false - means.true).toBeGreaterThan(0.8);

      for (const login of DEMO_LOGINS) {
        const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, login.email));
        expect(user.locale).toBe(login.locale);
      }

      // One published, open customer survey with a question of every type, complete in every language;
      // the pulses of the history are closed.
      const seeded = await db
        .select({ isOpen: instruments.isOpen, audience: instruments.audience, latestVersion: instruments.latestVersion, version: instrumentVersions.version, definition: instrumentVersions.definition })
        .from(instruments)
        .innerJoin(instrumentVersions, eq(instrumentVersions.instrumentId, instruments.id))
        .where(and(eq(instruments.organizationId, org.id), eq(instruments.isOpen, true)));
      expect(seeded).toHaveLength(1);
      expect(seeded[0]).toMatchObject({ isOpen: true, audience: ["participant"], latestVersion: 1, version: 1, definition: { title: { en: DEMO_INSTRUMENT_NAME } } });
      const definition = definitionSchema.parse(seeded[0].definition);
      expect(new Set(definition.questions.map((question) => question.type)).size).toBe(9);
      expect(missingTranslations(definition)).toEqual([]);

      // The campaign's closed resonance test: Polish speakers diverge on "Built to last", nobody on "Warm welcome".
      const [test] = await db.select({ id: resonanceTests.id }).from(resonanceTests).where(eq(resonanceTests.organizationId, org.id));
      const researcher = await db.select({ userId: users.id }).from(users).where(eq(users.email, "research@northwind.example"));
      const results = await getResonanceResults(db, { userId: researcher[0].userId }, { id: org.id }, test.id);
      expect(results.test).toMatchObject({ status: "closed", invited: 31 });
      expect(results.concepts.map((concept) => [concept.title, concept.divergent.map((flag) => `${flag.attribute}=${flag.value}`)])).toEqual([
        ["Warm welcome", []],
        ["Built to last", ["language=pl"]],
      ]);

      // Each programme's latest round, as the leaders' dashboard lists it: a customer may not read it.
      const [cmo] = await db.select({ userId: users.id }).from(users).where(eq(users.email, "cmo@northwind.example"));
      const rates = await listProgrammeResponseRates(db, cmo, { id: org.id });
      expect(rates.map((rate) => [rate.kind, rate.isOpen])).toEqual(expect.arrayContaining([["council", false], ["frontline", false], ["panel", false]]));
      const panelRate = rates.find((rate) => rate.kind === "panel")!;
      expect(panelRate).toMatchObject({ invited: 31, responded: results.test.respondents });
      expect(panelRate.rate).toBeCloseTo(results.test.respondents / 31, 6);
      for (const rate of rates) expect(rate.invited).toBeGreaterThanOrEqual(rate.responded);
      const [customer] = await db.select({ userId: users.id }).from(users).where(eq(users.email, "customer@northwind.example"));
      await expect(listProgrammeResponseRates(db, customer, { id: org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

      // The frontline response rate reads the seeded months: some of those invited answered each.
      const responseRate = (await getKpiOverview(db, cmo, { id: org.id })).kpis.find((kpi) => kpi.definition.key === "custom-frontline-response-rate")!;
      const months = responseRate.trend.filter((point) => point.value.status === "ok");
      expect(months.length).toBeGreaterThanOrEqual(3);
      for (const point of months) expect(point.value.status === "ok" && point.value.estimate.value).toBeGreaterThan(0);

      // A decision answers the council's memo, so members find it under "you said, we did".
      const cited = rowsOf<{ name: string; kind: string; memo: string }>(
        await db.execute(sql`select c.name, d.kind, e->>'title' as memo from decisions d join campaigns c on c.id = d.campaign_id, jsonb_array_elements(d.evidence->'items') e where d.organization_id = ${org.id} and e->>'type' = 'memo'`),
      );
      expect(cited).toEqual([{ name: "Signs and receipts in your language", kind: "launch", memo: "What you told us this summer" }]);

      // The CMO's rules have raised the divergence of the demo test for her to act on.
      const { latest } = await openAlertsSummary(db, cmo, { id: org.id });
      expect(latest.map((alert) => alert.facts)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "divergence", conceptTitle: "Built to last", attribute: "language", value: "pl" })]));

      // Insight coding: texts in three languages are in the inbox, about half coded by the researcher,
      // some twice (agreement), and a published insight rests on highlights from two regions.
      const [coding] = rowsOf<{ items: number; languages: string[]; coded: number; twice: number; pending: number }>(
        await db.execute(sql`select count(*)::int as items, array(select distinct language from coding_items where organization_id = ${org.id} and language in ('en','pl','ru') order by 1) as languages,
          (select count(distinct item_id)::int from coding_reviews where organization_id = ${org.id}) as coded,
          (select count(*)::int from (select item_id from coding_reviews where organization_id = ${org.id} group by item_id having count(*) = 2) t) as twice,
          count(*) filter (where analyzed_at is null)::int as pending
          from coding_items where organization_id = ${org.id}`),
      );
      expect(coding.languages).toEqual(["en", "pl", "ru"]);
      expect(coding.pending).toBe(0);
      expect(coding.coded).toBeGreaterThan(coding.items / 3);
      expect(coding.coded).toBeLessThan(coding.items);
      expect(coding.twice).toBeGreaterThanOrEqual(10);
      const [insight] = rowsOf<{ status: string; highlights: number; regions: number }>(
        await db.execute(sql`select i.status, count(e.id)::int as highlights, count(distinct c.attributes->>'region')::int as regions from insights i
          join insight_evidence e on e.insight_id = i.id join highlights h on h.id = e.highlight_id join coding_items c on c.id = h.item_id
          where i.organization_id = ${org.id} group by i.id, i.status`),
      );
      expect(insight).toEqual({ status: "published", highlights: 3, regions: 2 });
    });
  });
});
