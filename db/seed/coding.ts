import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { codingReviews, codingTags, codingThemes, highlights, highlightTags, insightEvidence, insights, interviewNotes } from "@/db/schema";
import type { Db } from "@/db/connect";
import { codingItemSourceJoins, codingItemText } from "@/lib/coding/coding-item-text";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";

type Tx = Db;

const THEMES = [
  { key: "heard", name: "Feeling heard", description: "Whether people felt listened to, understood and not rushed." },
  { key: "access", name: "Access and time", description: "When and how easily people can get help." },
  { key: "privacy", name: "Privacy", description: "How people feel about being followed and targeted." },
] as const;

const TAGS = [
  { key: "attention", name: "Attention from staff", color: "#2563eb", theme: "heard", description: "Staff took time, listened, remembered them — or did not." },
  { key: "language", name: "Language barrier", color: "#dc2626", theme: "heard", description: "Signs, receipts or service not in the customer's language." },
  { key: "staffing", name: "Staffing", color: "#d97706", theme: "access", description: "Too few people at a desk or in a store." },
  { key: "hours", name: "Opening hours", color: "#7c3aed", theme: "access", description: "Hours that do not fit people's lives." },
  { key: "ads", name: "Creepy ads", color: "#0f766e", theme: "privacy", description: "Retargeting that feels like being followed." },
] as const;

/** Passages of the demo's comments and the tags a researcher gave them. */
const CODES: ReadonlyArray<{ passage: string; tags: ReadonlyArray<(typeof TAGS)[number]["key"]> }> = [
  { passage: "Staff listened and did not rush me", tags: ["attention"] },
  { passage: "remembered my size", tags: ["attention"] },
  { passage: "returns desk needs more people", tags: ["staffing"] },
  { passage: "Opening hours do not fit shift workers", tags: ["hours"] },
  { passage: "Ads that follow me around feel creepy", tags: ["ads"] },
  { passage: "Obsługa wysłuchała mnie bez pośpiechu", tags: ["attention"] },
  { passage: "W soboty przy zwrotach brakuje ludzi", tags: ["staffing"] },
  { passage: "Godziny otwarcia nie pasują do pracy zmianowej", tags: ["hours"] },
  { passage: "Мне не хватило внимания, консультант торопился", tags: ["attention"] },
  { passage: "Вывески и чеки только на польском и английском", tags: ["language"] },
  { passage: "Никто не понял, что мне было нужно", tags: ["attention", "language"] },
  { passage: "Реклама, которая преследует меня, пугает", tags: ["ads"] },
];

const INTERVIEW = {
  title: "Home visit: winter shopping",
  participantLabel: "Participant K. (Vilnius)",
  interviewedOn: "2026-10-14",
  attributes: { region: "baltics", language: "ru" },
  body: [
    "Researcher: Tell me about the last time you bought a winter coat.",
    "K.: I went to the Riga store after work. The consultant was kind but clearly in a hurry, there were two of them for the whole floor.",
    "K.: The receipt and the signs were only in Polish and English, so I asked my daughter to translate the returns policy.",
    "Researcher: What would have made it better?",
    "K.: Someone who has five minutes. And opening until nine, because I finish my shift at eight.",
  ].join("\n"),
};

/**
 * The demo's insight coding: a codebook in three themes, a researcher's coding of about half the
 * comments (the rest stay "not yet coded"), the admin's second coding of some of them for
 * agreement, an interview note and a published insight citing highlights from two segments.
 */
export async function seedCoding(tx: Tx, organizationId: string, coders: { researcher: string; second: string }) {
  const [note] = await tx.insert(interviewNotes).values({ organizationId, createdByUserId: coders.researcher, sourceFormat: "pasted", ...INTERVIEW }).returning({ id: interviewNotes.id });
  await syncCodingItems(tx, organizationId, { batch: 5000, analysisBatch: 5000 });

  const themeIds = new Map<string, string>();
  for (const theme of THEMES) {
    const [row] = await tx.insert(codingThemes).values({ organizationId, name: theme.name, description: theme.description }).returning({ id: codingThemes.id });
    themeIds.set(theme.key, row.id);
  }
  const tagIds = new Map<string, string>();
  for (const [position, tag] of TAGS.entries()) {
    const [row] = await tx.insert(codingTags).values({ organizationId, name: tag.name, description: tag.description, color: tag.color, themeId: themeIds.get(tag.theme)!, position }).returning({ id: codingTags.id });
    tagIds.set(tag.key, row.id);
  }

  const items = rowsOf<{ id: string; text: string; interviewNoteId: string | null; region: string | null }>(
    await tx.execute(sql`select c.id, ${codingItemText} as text, c.interview_note_id as "interviewNoteId", c.attributes->>'region' as region
      from coding_items c ${codingItemSourceJoins("c")} where c.organization_id = ${organizationId}::uuid order by c.said_at, c.id`),
  );
  const cited: Array<{ highlightId: string; region: string | null; tag: string }> = [];
  for (const [index, item] of items.entries()) {
    // Every other comment is coded by the researcher; every third of those by the admin too.
    const byResearcher = item.interviewNoteId !== null || index % 2 === 0;
    const byAdmin = byResearcher && index % 3 === 0;
    if (!byResearcher) continue;
    const passages = item.interviewNoteId ? [{ passage: "clearly in a hurry", tags: ["attention"] }, { passage: "only in Polish and English", tags: ["language"] }, { passage: "opening until nine", tags: ["hours"] }] : CODES.filter((code) => item.text.includes(code.passage));
    for (const coder of byAdmin ? [coders.researcher, coders.second] : [coders.researcher]) {
      await tx.insert(codingReviews).values({ itemId: item.id, coderUserId: coder, organizationId }).onConflictDoNothing();
      // Now and then the admin reads a text as having nothing to code: agreement is high, not perfect.
      if (coder === coders.second && index % 4 === 0) continue;
      for (const code of passages) {
        const start = item.text.indexOf(code.passage);
        const [highlight] = await tx.insert(highlights).values({ organizationId, itemId: item.id, coderUserId: coder, startOffset: start, endOffset: start + code.passage.length }).returning({ id: highlights.id });
        await tx.insert(highlightTags).values(code.tags.map((tag) => ({ highlightId: highlight.id, tagId: tagIds.get(tag)!, organizationId })));
        if (coder === coders.researcher) cited.push({ highlightId: highlight.id, region: item.region, tag: code.tags[0] });
      }
    }
  }

  // Rushed, unseen, not in their language: two voices of one region and one of another.
  const pool = cited.filter((entry) => entry.tag === "attention" || entry.tag === "language");
  const sameRegion = pool.filter((entry) => entry.region === pool[0]?.region).slice(0, 2);
  const otherRegion = pool.find((entry) => entry.region !== pool[0]?.region);
  const evidence = [...sameRegion, ...(otherRegion ? [otherRegion] : [])];
  const [insight] = await tx
    .insert(insights)
    .values({
      organizationId,
      claim: "Customers who are served in a hurry, or not in their language, stop feeling heard.",
      body: "Across councils and an interview, the moments people describe as disrespectful are not rude staff but rushed ones: too few people on the floor, and signs and receipts only in Polish and English. It is sharpest for Russian speakers.",
      status: "published",
      authorUserId: coders.researcher,
      publishedAt: new Date("2026-11-20T10:00:00Z"),
    })
    .returning({ id: insights.id });
  await tx.insert(insightEvidence).values(evidence.map((entry, position) => ({ organizationId, insightId: insight.id, kind: "highlight" as const, highlightId: entry.highlightId, position })));
  return { insightId: insight.id, interviewNoteId: note.id };
}
