import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingThemes } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { uuidList } from "@/db/sql-lists";
import { suppressBreakdown } from "@/lib/anonymity/suppress-breakdown";
import type { SuppressionReason } from "@/lib/anonymity/suppression";
import { effectiveThresholds, type AnonymityThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { codingItemSourceJoins, codingItemText } from "@/lib/coding/coding-item-text";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { readRepresentation, type Representation } from "@/lib/representation/read-representation";
import { readTags, type ThemeTag } from "./list-themes";
import { rankQuotes, type QuoteCandidate } from "./rank-quotes";

/*
 * One theme seen whole: how often it came up month by month, where (by a segment attribute of
 * the items), its strongest quotes and whose voices it holds. An item belongs to the theme when
 * any of its highlights carries any of the theme's tags.
 *
 * Frontline material (field reports) follows the anonymity rules, on the server: its counts by
 * segment are withheld under the organization's minimum group size (and the cells that would
 * give them away), and its passages are quoted only when the theme holds at least the comment
 * minimum of field reports. A council or panel member's words are quoted only with their
 * effective consent to quotes, read at each view so a withdrawal hides them at once.
 */

export const QUOTE_LIMIT = 10;

export interface ThemeMonth {
  /** YYYY-MM (UTC). */
  month: string;
  items: number;
  people: number;
}

export type FrontlineCount = { suppressed: false; n: number } | { suppressed: true; reason: SuppressionReason };

export interface SegmentRow {
  value: string;
  /** Distinct items other than field reports. */
  items: number;
  /** Distinct field reports, withheld under the minimum group size; null when the theme holds none. */
  fieldReports: FrontlineCount | null;
}

export interface ThemeQuote {
  highlightId: string;
  itemId: string;
  passage: string;
  source: "answer" | "live_post" | "field_report" | "interview";
  saidAt: string;
  /** The item's segment attributes (never a name). */
  segment: Record<string, string>;
  themeTags: number;
  coders: number;
}

export interface ThemeView {
  theme: { id: string; name: string; description: string };
  tags: ThemeTag[];
  /** Tags not in this theme (assigning one in another theme moves it here). */
  assignableTags: ThemeTag[];
  totals: { items: number; people: number; fieldReports: number };
  months: ThemeMonth[];
  segmentKeys: string[];
  segment: { key: string; rows: SegmentRow[] } | null;
  quotes: ThemeQuote[];
  /** Highlights left out of the quotes, by reason. */
  leftOut: { noConsent: number; frontline: number };
  thresholds: AnonymityThresholds;
  representation: Representation;
}

/** The theme's items: those with a highlight carrying any of its tags. */
function themeItems(organizationId: string, themeId: string) {
  return sql`
    select distinct h.item_id from highlights h
    join highlight_tags ht on ht.highlight_id = h.id
    join coding_tags t on t.id = ht.tag_id
    where t.theme_id = ${themeId}::uuid and t.organization_id = ${organizationId}::uuid and h.organization_id = ${organizationId}::uuid`;
}

/** A voice: the speaker (an interview's participant is its item's speaker), or the item itself when no one is known. */
const VOICE = sql`coalesce(c.speaker_user_id, c.id::text)`;

async function readMonths(db: Db, organizationId: string, themeId: string): Promise<ThemeMonth[]> {
  const rows = rowsOf<{ month: string; items: number; people: number }>(
    await db.execute(sql`
      select to_char(date_trunc('month', c.said_at at time zone 'UTC'), 'YYYY-MM') as month, count(*)::int as items, count(distinct ${VOICE})::int as people
      from coding_items c
      where c.organization_id = ${organizationId}::uuid and c.id in (${themeItems(organizationId, themeId)})
      group by 1 order by 1`),
  );
  return fillMonths(rows.map((row) => ({ month: row.month, items: Number(row.items), people: Number(row.people) })));
}

/** Months with nothing in between the first and last are shown as zero, not skipped. */
export function fillMonths(months: readonly ThemeMonth[]): ThemeMonth[] {
  if (months.length === 0) return [];
  const byMonth = new Map(months.map((month) => [month.month, month]));
  const [firstYear, firstMonth] = months[0].month.split("-").map(Number);
  const last = months[months.length - 1].month;
  const filled: ThemeMonth[] = [];
  for (let index = 0; filled.length < 600; index++) {
    const date = new Date(Date.UTC(firstYear, firstMonth - 1 + index, 1));
    const key = date.toISOString().slice(0, 7);
    filled.push(byMonth.get(key) ?? { month: key, items: 0, people: 0 });
    if (key === last) break;
  }
  return filled;
}

async function readTotals(db: Db, organizationId: string, themeId: string) {
  const [row] = rowsOf<{ items: number; people: number; field_reports: number }>(
    await db.execute(sql`
      select count(*)::int as items, count(distinct ${VOICE})::int as people, count(*) filter (where c.source = 'field_report')::int as field_reports
      from coding_items c
      where c.organization_id = ${organizationId}::uuid and c.id in (${themeItems(organizationId, themeId)})`),
  );
  return { items: Number(row?.items ?? 0), people: Number(row?.people ?? 0), fieldReports: Number(row?.field_reports ?? 0) };
}

async function readSegmentKeys(db: Db, organizationId: string, themeId: string): Promise<string[]> {
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`
      select distinct k.key from coding_items c, jsonb_object_keys(c.attributes) as k(key)
      where c.organization_id = ${organizationId}::uuid and c.id in (${themeItems(organizationId, themeId)})
      order by 1`),
  );
  return rows.map((row) => row.key);
}

/** Counts per value of one attribute; field reports' counts are withheld under the minimum group size. */
export function buildSegmentRows(rows: ReadonlyArray<{ value: string; items: number; fieldReports: number }>, fieldReportTotal: number, minGroupSize: number): SegmentRow[] {
  if (fieldReportTotal === 0) return rows.map((row) => ({ value: row.value, items: row.items, fieldReports: null }));
  const decisions = new Map(suppressBreakdown(rows.map((row) => ({ key: row.value, n: row.fieldReports })), { minGroupSize, total: fieldReportTotal }).map((decision) => [decision.key, decision]));
  return rows.map((row) => {
    const decision = decisions.get(row.value)!;
    return { value: row.value, items: row.items, fieldReports: decision.suppressed ? { suppressed: true, reason: decision.reason } : { suppressed: false, n: decision.n } };
  });
}

async function readSegment(db: Db, organizationId: string, themeId: string, key: string, fieldReportTotal: number, minGroupSize: number): Promise<SegmentRow[]> {
  const rows = rowsOf<{ value: string; items: number; field_reports: number }>(
    await db.execute(sql`
      select c.attributes ->> ${key} as value,
        count(*) filter (where c.source <> 'field_report')::int as items,
        count(*) filter (where c.source = 'field_report')::int as field_reports
      from coding_items c
      where c.organization_id = ${organizationId}::uuid and c.id in (${themeItems(organizationId, themeId)}) and coalesce(c.attributes ->> ${key}, '') <> ''
      group by 1 order by 2 desc, 1`),
  );
  return buildSegmentRows(rows.map((row) => ({ value: row.value, items: Number(row.items), fieldReports: Number(row.field_reports) })), fieldReportTotal, minGroupSize);
}

async function readQuoteCandidates(db: Db, organizationId: string, themeId: string): Promise<QuoteCandidate[]> {
  const rows = rowsOf<{ highlight_id: string; item_id: string; source: QuoteCandidate["source"]; said_at: string | Date; highlighted_at: string | Date; theme_tags: number; coders: number; quotable: boolean }>(
    await db.execute(sql`
      with tagged as (
        select h.id, h.item_id, h.coder_user_id, h.created_at, count(distinct ht.tag_id)::int as theme_tags
        from highlights h
        join highlight_tags ht on ht.highlight_id = h.id
        join coding_tags t on t.id = ht.tag_id
        where t.theme_id = ${themeId}::uuid and t.organization_id = ${organizationId}::uuid and h.organization_id = ${organizationId}::uuid
        group by h.id
      ), coders as (
        select item_id, count(distinct coder_user_id)::int as coders from tagged group by item_id
      )
      select tg.id as highlight_id, tg.item_id, c.source, c.said_at, tg.created_at as highlighted_at, tg.theme_tags, coalesce(cd.coders, 0) as coders,
        case when p.kind in ('council', 'panel') then ${hasEffectiveConsent(sql`c.program_id`, sql`c.speaker_user_id`, "quotes")} else true end as quotable
      from tagged tg
      join coding_items c on c.id = tg.item_id
      left join programs p on p.id = c.program_id
      left join coders cd on cd.item_id = tg.item_id`),
  );
  return rows.map((row) => ({
    highlightId: row.highlight_id,
    itemId: row.item_id,
    source: row.source,
    saidAt: new Date(row.said_at).toISOString(),
    highlightedAt: new Date(row.highlighted_at).toISOString(),
    themeTags: Number(row.theme_tags),
    coders: Number(row.coders),
    hasConsent: Boolean(row.quotable),
  }));
}

/** The passages' words, read through the items' sources (offsets are into that text). */
async function readPassages(db: Db, organizationId: string, highlightIds: readonly string[]) {
  if (highlightIds.length === 0) return new Map<string, { passage: string; attributes: Record<string, unknown> }>();
  const rows = rowsOf<{ id: string; start_offset: number; end_offset: number; text: string | null; attributes: Record<string, unknown> }>(
    await db.execute(sql`
      select h.id, h.start_offset, h.end_offset, ${codingItemText} as text, c.attributes
      from highlights h join coding_items c on c.id = h.item_id ${codingItemSourceJoins("c")}
      where h.organization_id = ${organizationId}::uuid and h.id = any(${uuidList(highlightIds)})`),
  );
  return new Map(rows.map((row) => [row.id, { passage: (row.text ?? "").slice(row.start_offset, row.end_offset).trim(), attributes: row.attributes ?? {} }]));
}

function segmentOf(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/** Ids of a theme's items (for representation or evidence), checked to belong to the organization. */
export async function readThemeItemIds(db: Db, organizationId: string, themeId: string): Promise<string[]> {
  return rowsOf<{ item_id: string }>(await db.execute(themeItems(organizationId, themeId))).map((row) => row.item_id);
}

/** Everything the theme page shows; `segmentKey` picks the attribute to break the theme down by. */
export async function getThemeView(db: Db, actor: Actor | null, orgId: string, themeId: string, { segmentKey }: { segmentKey?: string } = {}): Promise<ThemeView> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  if (!isUuid(themeId)) throw new AppError("NOT_FOUND", "notFound");
  const [theme] = await db
    .select({ id: codingThemes.id, name: codingThemes.name, description: codingThemes.description })
    .from(codingThemes)
    .where(and(eq(codingThemes.id, themeId), eq(codingThemes.organizationId, organization.id)));
  if (!theme) throw new AppError("NOT_FOUND", "notFound");
  const thresholds = effectiveThresholds(organization);
  const [tags, months, totals, segmentKeys, candidates, itemIds] = await Promise.all([
    readTags(db, organization.id),
    readMonths(db, organization.id, themeId),
    readTotals(db, organization.id, themeId),
    readSegmentKeys(db, organization.id, themeId),
    readQuoteCandidates(db, organization.id, themeId),
    readThemeItemIds(db, organization.id, themeId),
  ]);
  const key = segmentKey && segmentKeys.includes(segmentKey) ? segmentKey : segmentKeys[0];
  const { shown, leftOut } = rankQuotes(candidates, { fieldReportsInTheme: totals.fieldReports, minCommentGroupSize: thresholds.minCommentGroupSize, limit: QUOTE_LIMIT });
  const [segmentRows, passages, representation] = await Promise.all([
    key ? readSegment(db, organization.id, themeId, key, totals.fieldReports, thresholds.minGroupSize) : Promise.resolve(null),
    readPassages(db, organization.id, shown.map((quote) => quote.highlightId)),
    readRepresentation(db, organization.id, itemIds),
  ]);
  const quotes = shown.flatMap((quote) => {
    const read = passages.get(quote.highlightId);
    if (!read || read.passage === "") return [];
    return [{ highlightId: quote.highlightId, itemId: quote.itemId, passage: read.passage, source: quote.source, saidAt: quote.saidAt, segment: segmentOf(read.attributes), themeTags: quote.themeTags, coders: quote.coders }];
  });
  const tag = ({ id, name, color }: ThemeTag) => ({ id, name, color });
  return {
    theme,
    tags: tags.filter((t) => t.themeId === themeId).map(tag),
    assignableTags: tags.filter((t) => t.themeId !== themeId).map(tag),
    totals,
    months,
    segmentKeys,
    segment: key && segmentRows ? { key, rows: segmentRows } : null,
    quotes,
    leftOut,
    thresholds,
    representation,
  };
}
