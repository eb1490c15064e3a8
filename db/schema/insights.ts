import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { KpiEvidence } from "@/lib/decisions/evidence";
import { users } from "./auth";
import { responseAnswers } from "./instruments";
import { livePosts } from "./live";
import { organizations, type MemberAttributes } from "./organizations";
import { fieldReports, programs } from "./programs";

/** Where a codable text comes from. */
export const codingSourceEnum = pgEnum("coding_source", ["answer", "live_post", "field_report", "interview"]);
export const sentimentEnum = pgEnum("sentiment", ["positive", "neutral", "negative"]);
/** A machine suggestion waits for a person: it is never a finding until someone accepts it. */
export const suggestionStatusEnum = pgEnum("suggestion_status", ["open", "accepted", "dismissed"]);
export const insightStatusEnum = pgEnum("insight_status", ["draft", "published"]);
export const insightEvidenceKindEnum = pgEnum("insight_evidence_kind", ["highlight", "quote", "kpi"]);

/** Notes or a transcript of a dedicated interview, pasted or uploaded (.txt, .docx, .vtt). */
export const interviewNotes = pgTable(
  "interview_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    programId: uuid("program_id").references(() => programs.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** How the researcher names the participant (a pseudonym is fine). */
    participantLabel: text("participant_label").notNull(),
    /** The interviewed member, when they have an account: their erasure takes the note with it. */
    participantUserId: text("participant_user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The participant's segment attributes, for themes, insights and representation. */
    attributes: jsonb("attributes").$type<MemberAttributes>().notNull().default({}),
    interviewedOn: date("interviewed_on", { mode: "string" }).notNull(),
    body: text("body").notNull(),
    /** pasted, txt, docx or vtt */
    sourceFormat: text("source_format").notNull().default("pasted"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (n) => [index("interview_notes_org_idx").on(n.organizationId, n.interviewedOn)],
);

/**
 * One codable text in the organization's inbox. The words stay in their source (an open-text
 * answer, a live post, a field report, an interview note) and are read through it, so erasure or
 * retention of the source takes the item, its highlights and their evidence with it (cascade).
 * What the machine read in it (language, sentiment, key phrases) is kept here as suggestions.
 */
export const codingItems = pgTable(
  "coding_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    source: codingSourceEnum("source").notNull(),
    responseAnswerId: bigint("response_answer_id", { mode: "number" }).references(() => responseAnswers.id, { onDelete: "cascade" }),
    livePostId: uuid("live_post_id").references(() => livePosts.id, { onDelete: "cascade" }),
    fieldReportId: uuid("field_report_id").references(() => fieldReports.id, { onDelete: "cascade" }),
    interviewNoteId: uuid("interview_note_id").references(() => interviewNotes.id, { onDelete: "cascade" }),
    programId: uuid("program_id").references(() => programs.id, { onDelete: "set null" }),
    /**
     * Who said it, only to count distinct voices; never shown (field report authors stay unnamed).
     * Their account going takes the item (it can only go through erasure, which takes their words
     * anyway); set null would clash with an interview note's cascade in the same delete.
     */
    speakerUserId: text("speaker_user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The speaker's segment attributes when they said it. */
    attributes: jsonb("attributes").$type<MemberAttributes>().notNull().default({}),
    saidAt: timestamp("said_at", { withTimezone: true }).notNull(),
    /** Suggested: detected language (ISO 639-1), or null when too short to tell. */
    language: text("language"),
    /** Suggested: sentiment and its score (−1…1); a person accepts or dismisses it. */
    sentiment: sentimentEnum("sentiment"),
    sentimentScore: real("sentiment_score"),
    sentimentStatus: suggestionStatusEnum("sentiment_status"),
    sentimentDecidedByUserId: text("sentiment_decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Suggested key phrases (English). */
    keyPhrases: text("key_phrases").array().notNull().default(sql`'{}'::text[]`),
    analyzedAt: timestamp("analyzed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [
    index("coding_items_inbox_idx").on(i.organizationId, i.saidAt, i.id),
    uniqueIndex("coding_items_answer_key").on(i.responseAnswerId),
    uniqueIndex("coding_items_post_key").on(i.livePostId),
    uniqueIndex("coding_items_report_key").on(i.fieldReportId),
    uniqueIndex("coding_items_note_key").on(i.interviewNoteId),
    index("coding_items_pending_idx").on(i.organizationId).where(sql`analyzed_at is null`),
    check("coding_items_one_source", sql`num_nonnulls(${i.responseAnswerId}, ${i.livePostId}, ${i.fieldReportId}, ${i.interviewNoteId}) = 1`),
  ],
);

/** A coder marked this item as coded (possibly with no tag): "not yet coded" and agreement read this. */
export const codingReviews = pgTable(
  "coding_reviews",
  {
    itemId: uuid("item_id").notNull().references(() => codingItems.id, { onDelete: "cascade" }),
    coderUserId: text("coder_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (r) => [primaryKey({ columns: [r.itemId, r.coderUserId] }), index("coding_reviews_coder_idx").on(r.organizationId, r.coderUserId)],
);

/** A theme groups tags of the codebook. */
export const codingThemes = pgTable(
  "coding_themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("coding_themes_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

/** A tag of the organization's codebook. */
export const codingTags = pgTable(
  "coding_tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** #rrggbb */
    color: text("color").notNull().default("#64748b"),
    themeId: uuid("theme_id").references(() => codingThemes.id, { onDelete: "set null" }),
    /** Order in the codebook; the first nine get the number keys. */
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("coding_tags_name_key").on(t.organizationId, sql`lower(${t.name})`), index("coding_tags_theme_idx").on(t.themeId)],
);

/** A passage of an item a coder selected, as character offsets into the source text. */
export const highlights = pgTable(
  "highlights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").notNull().references(() => codingItems.id, { onDelete: "cascade" }),
    coderUserId: text("coder_user_id").references(() => users.id, { onDelete: "set null" }),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (h) => [index("highlights_item_idx").on(h.itemId), index("highlights_org_idx").on(h.organizationId, h.createdAt), check("highlights_range", sql`${h.startOffset} >= 0 and ${h.endOffset} > ${h.startOffset}`)],
);

/** A tag applied to a highlight. */
export const highlightTags = pgTable(
  "highlight_tags",
  {
    highlightId: uuid("highlight_id").notNull().references(() => highlights.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => codingTags.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.highlightId, t.tagId] }), index("highlight_tags_tag_idx").on(t.tagId)],
);

/** A tag the machine suggests for an item, from similar coded passages; a person accepts or dismisses it. */
export const tagSuggestions = pgTable(
  "tag_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").notNull().references(() => codingItems.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => codingTags.id, { onDelete: "cascade" }),
    /** Similarity to the closest coded passage with this tag, 0–1. */
    score: real("score").notNull(),
    status: suggestionStatusEnum("status").notNull().default("open"),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (s) => [uniqueIndex("tag_suggestions_item_tag_key").on(s.itemId, s.tagId), index("tag_suggestions_tag_idx").on(s.tagId)],
);

/** A researcher's claim in a sentence, with a body and the evidence it rests on. */
export const insights = pgTable(
  "insights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    claim: text("claim").notNull(),
    body: text("body").notNull().default(""),
    status: insightStatusEnum("status").notNull().default("draft"),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [index("insights_org_idx").on(i.organizationId, i.status, i.updatedAt)],
);

/** What an insight cites: a highlight, a whole item quoted, or a KPI value frozen when attached. */
export const insightEvidence = pgTable(
  "insight_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    insightId: uuid("insight_id").notNull().references(() => insights.id, { onDelete: "cascade" }),
    kind: insightEvidenceKindEnum("kind").notNull(),
    highlightId: uuid("highlight_id").references(() => highlights.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").references(() => codingItems.id, { onDelete: "cascade" }),
    kpi: jsonb("kpi").$type<KpiEvidence>(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (e) => [
    index("insight_evidence_insight_idx").on(e.insightId, e.position),
    uniqueIndex("insight_evidence_highlight_key").on(e.insightId, e.highlightId),
    uniqueIndex("insight_evidence_item_key").on(e.insightId, e.itemId),
    check(
      "insight_evidence_shape",
      sql`(${e.kind} = 'highlight' and ${e.highlightId} is not null and ${e.itemId} is null and ${e.kpi} is null)
        or (${e.kind} = 'quote' and ${e.itemId} is not null and ${e.highlightId} is null and ${e.kpi} is null)
        or (${e.kind} = 'kpi' and ${e.kpi} is not null and ${e.highlightId} is null and ${e.itemId} is null)`,
    ),
  ],
);
