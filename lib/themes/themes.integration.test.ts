import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, codingItems, codingTags, programMembers } from "@/db/schema";
import type { Db } from "@/db/connect";
import { answerConsent } from "@/tests/consent-factories";
import { createCodingCorpus } from "@/tests/coding-factories";
import { createProgramWithTemplate } from "@/tests/cycle-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addFieldReports, addHighlight, createTag } from "@/tests/theme-factories";
import { getThemeView } from "./get-theme-view";
import { listThemes } from "./list-themes";
import { assignTagToTheme, createTheme, deleteTheme, removeTagFromTheme, updateTheme } from "./manage-themes";

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; messageKey: string; fieldErrors?: Record<string, string> };
  }
  throw new Error("expected a rejection");
}

async function setSaidAt(db: Db, itemId: string, saidAt: string) {
  await db.update(codingItems).set({ saidAt: new Date(saidAt) }).where(eq(codingItems.id, itemId));
}

describe("themes", () => {
  const database = useTestDatabase();

  it("creates, renames, describes and deletes a theme; names are unique regardless of case; its tags stay, ungrouped", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher } = await createCodingCorpus(db);
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Waiting", description: "Queues and delays" });
      expect((await rejection(createTheme(db, researcher.actor, org.id, { name: " waiting " }))).fieldErrors).toEqual({ name: "themeNameTaken" });
      expect(await rejection(createTheme(db, researcher.actor, org.id, { name: "" }))).toMatchObject({ name: "ZodError" });
      const other = await createTheme(db, researcher.actor, org.id, { name: "Staff" });
      expect((await rejection(updateTheme(db, researcher.actor, org.id, { themeId: other.id, name: "WAITING" }))).fieldErrors).toEqual({ name: "themeNameTaken" });
      await updateTheme(db, researcher.actor, org.id, { themeId: theme.id, name: "Waiting time", description: "Any wait" });
      const tag = await createTag(db, org.id, "Queue");
      await assignTagToTheme(db, researcher.actor, org.id, { themeId: theme.id, tagId: tag.id });
      let list = await listThemes(db, researcher.actor, org.id);
      expect(list.themes.map((t) => [t.name, t.description, t.tags.map((x) => x.name)])).toEqual([
        ["Staff", "", []],
        ["Waiting time", "Any wait", ["Queue"]],
      ]);
      expect(list.ungroupedTags).toEqual([]);
      await deleteTheme(db, researcher.actor, org.id, theme.id);
      list = await listThemes(db, researcher.actor, org.id);
      expect(list.themes.map((t) => t.name)).toEqual(["Staff"]);
      expect(list.ungroupedTags.map((t) => t.name)).toEqual(["Queue"]);
      expect(list.tagCount).toBe(1);
      const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id));
      expect(actions.map((a) => a.action).filter((a) => a.startsWith("theme."))).toEqual(["theme.created", "theme.created", "theme.updated", "theme.tag_assigned", "theme.deleted"]);
    });
  });

  it("assigns and removes tags, refuses what belongs to another organization, and a leader may not code", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, leader } = await createCodingCorpus(db);
      const elsewhere = await createOrganization(db);
      const outsider = await createMember(db, elsewhere.id, "researcher");
      const foreignTag = await createTag(db, elsewhere.id, "Foreign");
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Waiting" });
      const tag = await createTag(db, org.id, "Queue");
      expect((await rejection(assignTagToTheme(db, researcher.actor, org.id, { themeId: theme.id, tagId: foreignTag.id }))).code).toBe("NOT_FOUND");
      expect((await rejection(assignTagToTheme(db, outsider.actor, elsewhere.id, { themeId: theme.id, tagId: foreignTag.id }))).code).toBe("NOT_FOUND");
      expect((await rejection(getThemeView(db, outsider.actor, elsewhere.id, theme.id))).code).toBe("NOT_FOUND");
      expect((await rejection(deleteTheme(db, outsider.actor, elsewhere.id, theme.id))).code).toBe("NOT_FOUND");
      expect((await rejection(listThemes(db, outsider.actor, org.id))).code).toBe("NOT_FOUND");
      expect((await rejection(createTheme(db, leader.actor, org.id, { name: "Nope" }))).code).toBe("FORBIDDEN");
      await assignTagToTheme(db, researcher.actor, org.id, { themeId: theme.id, tagId: tag.id });
      await removeTagFromTheme(db, researcher.actor, org.id, { themeId: theme.id, tagId: tag.id });
      const [row] = await db.select({ themeId: codingTags.themeId }).from(codingTags).where(eq(codingTags.id, tag.id));
      expect(row.themeId).toBeNull();
      expect((await rejection(removeTagFromTheme(db, researcher.actor, org.id, { themeId: theme.id, tagId: tag.id }))).code).toBe("NOT_FOUND");
    });
  });

  it("counts the theme's distinct items and people per month, with empty months between", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, secondResearcher, participants, items } = await createCodingCorpus(db);
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Waiting" });
      const [queue, delay] = [await createTag(db, org.id, "Queue", theme.id), await createTag(db, org.id, "Delay", theme.id)];
      const unrelated = await createTag(db, org.id, "Jackets");
      const itemOf = (index: number) => items.find((item) => item.speakerUserId === participants[index].userId)!;
      await setSaidAt(db, itemOf(0).id, "2026-01-10T10:00:00Z");
      await setSaidAt(db, itemOf(2).id, "2026-01-20T10:00:00Z");
      await setSaidAt(db, itemOf(4).id, "2026-03-02T10:00:00Z");
      await setSaidAt(db, itemOf(1).id, "2026-03-05T10:00:00Z");
      // Two highlights (two tags, two coders) on one item still count it once.
      await addHighlight(db, org.id, itemOf(0).id, researcher.userId, [queue.id]);
      await addHighlight(db, org.id, itemOf(0).id, secondResearcher.userId, [delay.id]);
      await addHighlight(db, org.id, itemOf(2).id, researcher.userId, [queue.id, delay.id]);
      await addHighlight(db, org.id, itemOf(4).id, researcher.userId, [delay.id]);
      await addHighlight(db, org.id, itemOf(1).id, researcher.userId, [unrelated.id]);
      const view = await getThemeView(db, researcher.actor, org.id, theme.id);
      expect(view.months).toEqual([
        { month: "2026-01", items: 2, people: 2 },
        { month: "2026-02", items: 0, people: 0 },
        { month: "2026-03", items: 1, people: 1 },
      ]);
      expect(view.totals).toEqual({ items: 3, people: 3, fieldReports: 0 });
      expect((await listThemes(db, researcher.actor, org.id)).themes[0].items).toBe(3);
      expect(view.segmentKeys).toEqual(["region"]);
      expect(view.segment).toEqual({ key: "region", rows: [
        { value: "east", items: 1, fieldReports: null },
        { value: "north", items: 1, fieldReports: null },
        { value: "south", items: 1, fieldReports: null },
      ] });
    });
  });

  it("withholds small segments of field reports and quotes them only when the theme holds enough of them", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher } = await createCodingCorpus(db, { orgOverrides: { minGroupSize: 3, minCommentGroupSize: 4 } });
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Fitting rooms" });
      const tag = await createTag(db, org.id, "Rooms", theme.id);
      const reports = await addFieldReports(db, org.id, ["floor", "floor", "floor", "floor", "office", "depot", "depot"]);
      await addHighlight(db, org.id, reports[0].id, researcher.userId, [tag.id], { start: 4, end: 9 });
      const few = await getThemeView(db, researcher.actor, org.id, theme.id, { segmentKey: "team" });
      expect(few.totals.fieldReports).toBe(1);
      // One field report alone: its team's count is withheld, and so is its passage.
      expect(few.segment!.rows).toEqual([{ value: "floor", items: 0, fieldReports: { suppressed: true, reason: "too_few_responses" } }]);
      expect(few.quotes).toEqual([]);
      expect(few.leftOut).toEqual({ noConsent: 0, frontline: 1 });
      expect(few.representation.speakers).toEqual({ suppressed: true, reason: "too_few_responses" });

      for (const report of reports.slice(1)) await addHighlight(db, org.id, report.id, researcher.userId, [tag.id], { start: 4, end: 9 });
      const many = await getThemeView(db, researcher.actor, org.id, theme.id, { segmentKey: "team" });
      expect(many.segment!.rows).toEqual([
        { value: "depot", items: 0, fieldReports: { suppressed: true, reason: "too_few_responses" } },
        { value: "floor", items: 0, fieldReports: { suppressed: false, n: 4 } },
        { value: "office", items: 0, fieldReports: { suppressed: true, reason: "too_few_responses" } },
      ]);
      expect(many.leftOut.frontline).toBe(0);
      expect(many.quotes).toHaveLength(7);
      expect(many.quotes[0]).toMatchObject({ passage: "queue", source: "field_report" });
      expect(JSON.stringify(many)).not.toMatch(/Test Person|@example\.test/);
    });
  });

  it("ranks quotes by theme tags, coders and recency, and leaves out council words without quote consent", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, secondResearcher, participants, items } = await createCodingCorpus(db);
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Waiting" });
      const [queue, delay] = [await createTag(db, org.id, "Queue", theme.id), await createTag(db, org.id, "Delay", theme.id)];
      const itemOf = (index: number) => items.find((item) => item.speakerUserId === participants[index].userId)!;
      // Participants 0 and 1 spoke in a council: 0 refused quotes, 1 granted them.
      const { program } = await createProgramWithTemplate(db, org.id);
      for (const [index, granted] of [[0, false], [1, true]] as const) {
        await db.insert(programMembers).values({ programId: program.id, organizationId: org.id, userId: participants[index].userId, status: "active" });
        await answerConsent(db, org.id, program.id, participants[index].userId, ["research", "quotes"], granted);
        await db.update(codingItems).set({ programId: program.id }).where(eq(codingItems.id, itemOf(index).id));
      }
      await setSaidAt(db, itemOf(2).id, "2026-02-01T00:00:00Z");
      await setSaidAt(db, itemOf(4).id, "2026-04-01T00:00:00Z");
      await setSaidAt(db, itemOf(1).id, "2026-03-01T00:00:00Z");
      await addHighlight(db, org.id, itemOf(0).id, researcher.userId, [queue.id, delay.id], { start: 4, end: 18 });
      await addHighlight(db, org.id, itemOf(2).id, researcher.userId, [queue.id], { start: 0, end: 7 });
      await addHighlight(db, org.id, itemOf(2).id, secondResearcher.userId, [queue.id], { start: 0, end: 7 });
      await addHighlight(db, org.id, itemOf(4).id, researcher.userId, [delay.id], { start: 0, end: 5 });
      await addHighlight(db, org.id, itemOf(1).id, researcher.userId, [queue.id, delay.id], { start: 2, end: 6 });
      const view = await getThemeView(db, researcher.actor, org.id, theme.id);
      // Two theme tags first; then the item two coders tagged (twice); then the newest.
      expect(view.quotes.map((quote) => [quote.passage, quote.themeTags, quote.coders])).toEqual([
        ["love", 2, 1],
        ["Obsługa", 1, 2],
        ["Obsługa", 1, 2],
        ["Очень", 1, 1],
      ]);
      expect(view.quotes[0]).toMatchObject({ source: "answer", saidAt: "2026-03-01T00:00:00.000Z", segment: { region: "north" } });
      expect(view.leftOut).toEqual({ noConsent: 1, frontline: 0 });
      // A later grant brings the words back at once.
      await answerConsent(db, org.id, program.id, participants[0].userId, ["quotes"], true);
      const after = await getThemeView(db, researcher.actor, org.id, theme.id);
      expect(after.quotes[0].passage).toBe("checkout queue");
      expect(after.leftOut.noConsent).toBe(0);
    });
  });

  it("compares the theme's voices with the organization's participants", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, participants, items } = await createCodingCorpus(db);
      const theme = await createTheme(db, researcher.actor, org.id, { name: "Service" });
      const tag = await createTag(db, org.id, "Service", theme.id);
      // Five of six participants: north 2, south 2, east 1, against 2 / 2 / 2 in the population.
      const heard = items.filter((item) => item.source === "answer" && item.speakerUserId !== participants[5].userId);
      for (const item of heard) await addHighlight(db, org.id, item.id, researcher.userId, [tag.id], { start: 0, end: 3 });
      const { representation } = await getThemeView(db, researcher.actor, org.id, theme.id);
      expect(representation).toMatchObject({ speakers: { count: 5 }, populationSize: 6, tooFewVoices: false, hasFrontline: false });
      const region = representation.attributes.find((attribute) => attribute.key === "region")!;
      const byValue = Object.fromEntries(region.values.map((value) => [value.value, value]));
      expect(byValue.east.heard).toEqual({ suppressed: false, count: 1, share: 0.2 });
      expect(byValue.east.population).toEqual({ suppressed: false, count: 2, share: 2 / 6 });
      expect(byValue.east.gapPoints).toBe(-13.3);
      expect(byValue.north.gapPoints).toBe(6.7);
      expect(region.values.every((value) => value.flag === null && value.adjustedP !== null)).toBe(true);
      // Items of another organization are not read.
      const elsewhere = await createCodingCorpus(db);
      const foreign = elsewhere.items.filter((item) => item.source === "answer").map((item) => item.id);
      const { readRepresentation } = await import("@/lib/representation/read-representation");
      expect((await readRepresentation(db, org.id, foreign)).speakers).toMatchObject({ count: 0 });
      expect(await db.select({ id: codingItems.id }).from(codingItems).where(and(eq(codingItems.organizationId, org.id), inArray(codingItems.id, foreign)))).toEqual([]);
    });
  });
});
