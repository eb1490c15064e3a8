import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, highlightTags, tagSuggestions } from "@/db/schema";
import type { Db } from "@/db/connect";
import { useTestDatabase } from "@/tests/db";
import { createCodingCorpus } from "@/tests/coding-factories";
import { createMember } from "@/tests/factories";
import { codingAgreement } from "./agreement";
import { applyTag, removeTag } from "./apply-tag";
import { createHighlight } from "./create-highlight";
import { createTag } from "./create-tag";
import { decideSentiment, decideSuggestion } from "./decide-suggestion";
import { deleteTag } from "./delete-tag";
import { getCodingItem } from "./get-coding-item";
import { listHighlights } from "./list-highlights";
import { listInbox } from "./list-inbox";
import { listTags } from "./list-tags";
import { markCoded } from "./mark-coded";
import { mergeTags } from "./merge-tags";
import { removeHighlight } from "./remove-highlight";
import { moveTag, updateTag } from "./update-tag";

async function corpusWithTags(db: Db) {
  const corpus = await createCodingCorpus(db);
  const { researcher, org } = corpus;
  const waiting = await createTag(db, researcher.actor, { id: org.id }, { name: "Waiting", color: "#ff0000" });
  const service = await createTag(db, researcher.actor, { id: org.id }, { name: "Service", description: "Staff and help" });
  const textOf = async (itemId: string) => (await getCodingItem(db, researcher.actor, { id: org.id }, itemId)).item.text;
  const itemSaying = (words: string) => corpus.items.find((item) => corpus.participants.some((p) => p.story.includes(words) && p.userId === item.speakerUserId))!;
  return { ...corpus, waiting, service, textOf, itemSaying };
}

describe("insight coding", () => {
  const database = useTestDatabase();

  it("lists the inbox with filters, including not yet coded per coder, and pages by cursor", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, secondResearcher, waiting, itemSaying, items } = await corpusWithTags(db);
      const orgRef = { id: org.id };
      const all = await listInbox(db, researcher.actor, orgRef, {});
      expect(all.items).toHaveLength(items.length);
      const first = all.items[0];
      expect(first).not.toHaveProperty("speakerUserId");
      expect((await listInbox(db, researcher.actor, orgRef, { language: "pl" })).items.map((item) => item.language)).toEqual(["pl", "pl"]);
      expect((await listInbox(db, researcher.actor, orgRef, { segment: "region=east" })).items).toHaveLength(2);
      expect((await listInbox(db, researcher.actor, orgRef, { source: "field_report" })).items[0]).toMatchObject({ attributes: { team: "floor" }, text: "A customer said the fitting rooms are always locked." });
      expect((await listInbox(db, researcher.actor, orgRef, { from: "2000-01", to: "2000-12" })).items).toEqual([]);
      expect((await listInbox(db, researcher.actor, orgRef, { q: "КУРЬЕРА" })).items.map((item) => item.language)).toEqual(["ru"]);
      expect((await listInbox(db, researcher.actor, orgRef, { q: "100%_" })).items).toEqual([]);

      const slow = itemSaying("checkout queue");
      await createHighlight(db, researcher.actor, orgRef, { itemId: slow.id, start: 4, end: 18, tagIds: [waiting.id] });
      await markCoded(db, researcher.actor, orgRef, { itemId: itemSaying("winter jackets").id });
      const uncoded = await listInbox(db, researcher.actor, orgRef, { uncoded: "1" });
      expect(uncoded.items).toHaveLength(items.length - 2);
      expect((await listInbox(db, secondResearcher.actor, orgRef, { uncoded: "1" })).items).toHaveLength(items.length);
      const tagged = await listInbox(db, researcher.actor, orgRef, { tag: waiting.id });
      expect(tagged.items.map((item) => [item.id, item.tags.map((tag) => tag.name), item.isCodedByMe])).toEqual([[slow.id, ["Waiting"], true]]);
      // A malformed filter is dropped, not refused.
      expect((await listInbox(db, researcher.actor, orgRef, { language: "<script>", tag: "nope" })).items).toHaveLength(items.length);

      const page1 = await listInbox(db, researcher.actor, orgRef, {}, 3);
      const page2 = await listInbox(db, researcher.actor, orgRef, { cursor: page1.nextCursor! }, 3);
      const page3 = await listInbox(db, researcher.actor, orgRef, { cursor: page2.nextCursor! }, 3);
      expect(page3.nextCursor).toBeNull();
      expect([...page1.items, ...page2.items, ...page3.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));

      const detail = await getCodingItem(db, researcher.actor, orgRef, all.items[1].id);
      expect([detail.previousId, detail.nextId]).toEqual([all.items[0].id, all.items[2].id]);
      const english = (await listInbox(db, researcher.actor, orgRef, { language: "en" })).items;
      const inEnglish = await getCodingItem(db, researcher.actor, orgRef, english[0].id, { language: "en" });
      expect([inEnglish.previousId, inEnglish.nextId]).toEqual([null, english[1].id]);
    });
  });

  it("keeps tenants apart and refuses people who may not code", async () => {
    await database.inRollback(async (db) => {
      const mine = await corpusWithTags(db);
      const other = await corpusWithTags(db);
      const orgRef = { id: mine.org.id };
      const foreignItem = other.items[0];
      await expect(getCodingItem(db, mine.researcher.actor, orgRef, foreignItem.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createHighlight(db, mine.researcher.actor, orgRef, { itemId: foreignItem.id, start: 0, end: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createHighlight(db, mine.researcher.actor, orgRef, { itemId: mine.items[0].id, start: 0, end: 3, tagIds: [other.waiting.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(mergeTags(db, mine.researcher.actor, orgRef, { sourceTagId: mine.waiting.id, targetTagId: other.waiting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteTag(db, mine.researcher.actor, orgRef, { tagId: other.waiting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateTag(db, mine.researcher.actor, orgRef, { tagId: other.waiting.id, name: "Mine now", color: "#000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(markCoded(db, mine.researcher.actor, orgRef, { itemId: foreignItem.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const foreignHighlight = await createHighlight(db, other.researcher.actor, { id: other.org.id }, { itemId: foreignItem.id, start: 0, end: 3, tagIds: [other.waiting.id] });
      await expect(applyTag(db, mine.researcher.actor, orgRef, { highlightId: foreignHighlight.id, tagId: mine.waiting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(removeHighlight(db, mine.researcher.actor, orgRef, { highlightId: foreignHighlight.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listInbox(db, mine.researcher.actor, { id: other.org.id }, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listInbox(db, mine.leader.actor, orgRef, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await listHighlights(db, mine.researcher.actor, orgRef)).highlights).toEqual([]);
    });
  });

  it("validates offsets against the text and stores [start, end)", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, waiting, service, itemSaying, textOf } = await corpusWithTags(db);
      const orgRef = { id: org.id };
      const item = itemSaying("Очень долго");
      const text = await textOf(item.id);
      for (const [start, end] of [[5, 5], [-1, 3], [0, text.length + 1], [7, 2]]) {
        await expect(createHighlight(db, researcher.actor, orgRef, { itemId: item.id, start, end, tagIds: [waiting.id] }), `${start}-${end}`).rejects.toThrow(/codingOffsetInvalid/);
      }
      const whole = await createHighlight(db, researcher.actor, orgRef, { itemId: item.id, start: 0, end: text.length, tagIds: [waiting.id] });
      // The same passage again adds a tag to the same highlight.
      expect((await createHighlight(db, researcher.actor, orgRef, { itemId: item.id, start: 0, end: text.length, tagIds: [service.id] })).id).toBe(whole.id);
      const part = await createHighlight(db, researcher.actor, orgRef, { itemId: item.id, start: 0, end: 5, tagIds: [waiting.id] });
      const { highlights } = await listHighlights(db, researcher.actor, orgRef, { tagId: waiting.id });
      expect(highlights.find((h) => h.id === part.id)).toMatchObject({ text: "Очень", source: "answer", attributes: { region: "east" }, tags: [{ name: "Waiting" }] });
      expect(highlights.find((h) => h.id === whole.id)?.tags.map((tag) => tag.name)).toEqual(["Waiting", "Service"]);
      expect((await listHighlights(db, researcher.actor, orgRef, { search: "курьера" })).highlights).toHaveLength(2);
      const onePage = await listHighlights(db, researcher.actor, orgRef, { limit: 1 });
      expect((await listHighlights(db, researcher.actor, orgRef, { limit: 1, cursor: onePage.nextCursor! })).highlights[0].id).not.toBe(onePage.highlights[0].id);

      await removeTag(db, researcher.actor, orgRef, { highlightId: whole.id, tagId: service.id });
      await applyTag(db, researcher.actor, orgRef, { highlightId: part.id, tagId: service.id });
      await removeHighlight(db, researcher.actor, orgRef, { highlightId: whole.id });
      const detail = await getCodingItem(db, researcher.actor, orgRef, item.id);
      expect(detail.highlights.map((h) => [h.start, h.end, h.isMine, h.tags.map((tag) => tag.name)])).toEqual([[0, 5, true, ["Waiting", "Service"]]]);
      expect(detail.item.isCodedByMe).toBe(true);
    });
  });

  it("keeps the codebook: unique names, reorder, delete counts, merge keeps every application, audited", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, secondResearcher, waiting, service, itemSaying } = await corpusWithTags(db);
      const orgRef = { id: org.id };
      await expect(createTag(db, researcher.actor, orgRef, { name: " waiting " })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: "codingTagNameTaken" } });
      await expect(updateTag(db, researcher.actor, orgRef, { tagId: service.id, name: "WAITING", color: "#000000" })).rejects.toMatchObject({ fieldErrors: { name: "codingTagNameTaken" } });
      await expect(createTag(db, researcher.actor, orgRef, { name: "Bad", color: "red" })).rejects.toMatchObject({ name: "ZodError" });
      await updateTag(db, researcher.actor, orgRef, { tagId: service.id, name: "Help", description: "Staff help", color: "#00AA00" });
      const queue = await createTag(db, researcher.actor, orgRef, { name: "Queue" });
      await moveTag(db, researcher.actor, orgRef, { tagId: queue.id, direction: "up" });
      expect((await listTags(db, researcher.actor, orgRef)).map((tag) => [tag.name, tag.position, tag.color])).toEqual([["Waiting", 0, "#ff0000"], ["Queue", 1, "#64748b"], ["Help", 2, "#00aa00"]]);

      const slow = itemSaying("checkout queue");
      const polish = itemSaying("kolejka do kasy");
      const a = await createHighlight(db, researcher.actor, orgRef, { itemId: slow.id, start: 0, end: 10, tagIds: [waiting.id, queue.id] });
      const b = await createHighlight(db, researcher.actor, orgRef, { itemId: polish.id, start: 0, end: 10, tagIds: [queue.id] });
      const c = await createHighlight(db, secondResearcher.actor, orgRef, { itemId: polish.id, start: 2, end: 9, tagIds: [queue.id] });
      await db.insert(tagSuggestions).values([{ organizationId: org.id, itemId: slow.id, tagId: service.id, score: 0.5 }, { organizationId: org.id, itemId: polish.id, tagId: service.id, score: 0.4 }]);
      await createHighlight(db, researcher.actor, orgRef, { itemId: slow.id, start: 12, end: 20, tagIds: [waiting.id] });
      await db.insert(tagSuggestions).values({ organizationId: org.id, itemId: slow.id, tagId: waiting.id, score: 0.3, status: "dismissed" });

      const merged = await mergeTags(db, researcher.actor, orgRef, { sourceTagId: queue.id, targetTagId: waiting.id });
      expect(merged.applications).toBe(3);
      const applications = await db.select({ highlightId: highlightTags.highlightId }).from(highlightTags).where(eq(highlightTags.tagId, waiting.id));
      expect(applications.map((row) => row.highlightId).sort()).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
      expect(applications).toHaveLength(4);
      expect((await listTags(db, researcher.actor, orgRef)).map((tag) => [tag.name, tag.applications])).toEqual([["Waiting", 4], ["Help", 0]]);

      const help = await deleteTag(db, researcher.actor, orgRef, { tagId: service.id });
      expect(help.applications).toBe(0);
      expect(await db.select().from(tagSuggestions).where(eq(tagSuggestions.tagId, service.id))).toEqual([]);
      const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id));
      expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["coding.tag_created", "coding.tag_updated", "coding.tag_moved", "coding.tags_merged", "coding.tag_deleted"]));
      await expect(mergeTags(db, researcher.actor, orgRef, { sourceTagId: waiting.id, targetTagId: waiting.id })).rejects.toMatchObject({ name: "ZodError" });
    });
  });

  it("suggests tags from similar coded passages; accept codes the item, dismissed never comes back", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, waiting, service, itemSaying, textOf, items } = await corpusWithTags(db);
      const orgRef = { id: org.id };
      const english = itemSaying("checkout queue");
      const polish = itemSaying("kolejka do kasy");
      const angry = itemSaying("Fatalna");
      // "Obsługa" and "kolejka do kasy" in the Polish story match these tagged passages.
      const angryText = await textOf(angry.id);
      await createHighlight(db, researcher.actor, orgRef, { itemId: angry.id, start: 0, end: angryText.indexOf(","), tagIds: [service.id] });
      await createHighlight(db, researcher.actor, orgRef, { itemId: english.id, start: 0, end: 40, tagIds: [waiting.id] });
      const seeded = await getCodingItem(db, researcher.actor, orgRef, polish.id);
      expect(seeded.suggestions.map((s) => s.tag.name)).toEqual(["Service"]);
      // A Polish passage about the queue teaches the Polish word.
      const polishText = await textOf(polish.id);
      const other = await createMember(db, org.id, "researcher");
      await createHighlight(db, other.actor, orgRef, { itemId: polish.id, start: polishText.indexOf("kolejka"), end: polishText.length, tagIds: [waiting.id] });
      const russian = itemSaying("курьера");
      expect((await getCodingItem(db, researcher.actor, orgRef, russian.id)).suggestions).toEqual([]);

      const [suggestion] = seeded.suggestions;
      await decideSuggestion(db, researcher.actor, orgRef, { suggestionId: suggestion.id, decision: "dismiss" });
      await expect(decideSuggestion(db, researcher.actor, orgRef, { suggestionId: suggestion.id, decision: "accept" })).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await getCodingItem(db, researcher.actor, orgRef, polish.id)).suggestions).toEqual([]);
      expect(await db.select({ status: tagSuggestions.status }).from(tagSuggestions).where(and(eq(tagSuggestions.itemId, polish.id), eq(tagSuggestions.tagId, service.id)))).toEqual([{ status: "dismissed" }]);

      // A tagged English passage about service makes a suggestion for the field report about a customer … accepted.
      const jackets = itemSaying("winter jackets");
      const jacketsText = await textOf(jackets.id);
      await createHighlight(db, researcher.actor, orgRef, { itemId: jackets.id, start: jacketsText.indexOf("great"), end: jacketsText.length - 1, tagIds: [service.id] });
      const report = items.find((item) => item.source === "field_report")!;
      const forReport = await getCodingItem(db, researcher.actor, orgRef, report.id);
      const serviceSuggestion = forReport.suggestions.find((s) => s.tag.id === service.id)!;
      expect(serviceSuggestion).toBeDefined();
      await decideSuggestion(db, researcher.actor, orgRef, { suggestionId: serviceSuggestion.id, decision: "accept" });
      const after = await getCodingItem(db, researcher.actor, orgRef, report.id);
      expect(after.highlights.map((h) => [h.start, h.end, h.tags.map((tag) => tag.name)])).toEqual([[0, forReport.item.text.length, ["Service"]]]);
      expect(after.item.isCodedByMe).toBe(true);
      expect(after.suggestions.find((s) => s.tag.id === service.id)).toBeUndefined();

      const withSentiment = (await getCodingItem(db, researcher.actor, orgRef, angry.id)).item;
      expect(withSentiment).toMatchObject({ sentiment: "negative", sentimentStatus: "open" });
      await decideSentiment(db, researcher.actor, orgRef, { itemId: angry.id, decision: "accept" });
      expect((await getCodingItem(db, researcher.actor, orgRef, angry.id)).item.sentimentStatus).toBe("accepted");
      await expect(decideSentiment(db, researcher.actor, orgRef, { itemId: angry.id, decision: "dismiss" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("computes Cohen's kappa per tag from two coders' real coding", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, secondResearcher, waiting, service, items, leader } = await corpusWithTags(db);
      const orgRef = { id: org.id };
      // Over the seven items: both tag Waiting on items 0–1, only the first on item 2; neither tags Service.
      for (const [index, item] of items.entries()) {
        const first = index <= 2 ? [waiting.id] : [];
        const second = index <= 1 ? [waiting.id] : [];
        if (first.length) await createHighlight(db, researcher.actor, orgRef, { itemId: item.id, start: 0, end: 3, tagIds: first });
        else await markCoded(db, researcher.actor, orgRef, { itemId: item.id });
        if (second.length) await createHighlight(db, secondResearcher.actor, orgRef, { itemId: item.id, start: 1, end: 4, tagIds: second });
        else await markCoded(db, secondResearcher.actor, orgRef, { itemId: item.id });
      }
      const result = await codingAgreement(db, researcher.actor, orgRef, { a: researcher.userId, b: secondResearcher.userId });
      expect(result.coders.map((coder) => coder.userId).sort()).toEqual([researcher.userId, secondResearcher.userId].sort());
      expect(result.sharedItems).toBe(7);
      const w = result.tags.find((tag) => tag.tagId === waiting.id)!;
      // po = 6/7; pA = 3/7, pB = 2/7; pe = 6/49 + 20/49 = 26/49; κ = (42/49 − 26/49) / (23/49) = 16/23.
      expect(w.observed).toBeCloseTo(6 / 7);
      expect(w.kappa).toBeCloseTo(16 / 23);
      expect(w).toMatchObject({ n: 7, band: "substantial", isTooFew: true });
      expect(result.tags.find((tag) => tag.tagId === service.id)).toMatchObject({ kappa: null, observed: 1, band: null });
      const alone = await codingAgreement(db, researcher.actor, orgRef, { a: researcher.userId, b: leader.userId });
      expect(alone.tags).toEqual([]);
    });
  });
});
