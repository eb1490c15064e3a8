import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Definition } from "@/lib/instruments/definition";
import type { AnswerValue } from "@/lib/instruments/answers";
import { users } from "./auth";
import { localeEnum } from "./enums";
import { instruments } from "./instruments";
import { organizations } from "./organizations";
import { panelSamples, programs } from "./programs";

export const liveSessionStatusEnum = pgEnum("live_session_status", ["scheduled", "live", "ended"]);
export const livePollStatusEnum = pgEnum("live_poll_status", ["draft", "open", "closed"]);
export const livePostStatusEnum = pgEnum("live_post_status", ["visible", "hidden"]);

/**
 * A real-time focus-group session of a panel (or one of its samples). Every change participants
 * or viewers must see is an event with the next `lastEventSeq` of its session, taken under the
 * session row's lock so that event numbers commit in order and a client can resume exactly.
 */
export const liveSessions = pgTable(
  "live_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    sampleId: uuid("sample_id").references(() => panelSamples.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    defaultLocale: localeEnum("default_locale").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: liveSessionStatusEnum("status").notNull().default("scheduled"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lastEventSeq: integer("last_event_seq").notNull().default(0),
    /** The poll participants are answering now, if any. */
    currentPollId: uuid("current_poll_id"),
    /** Filled when the session ends: its answers as ordinary responses of this instrument, for KPIs and insights. */
    instrumentId: uuid("instrument_id").references(() => instruments.id, { onDelete: "set null" }),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (s) => [index("live_sessions_program_idx").on(s.programId, s.scheduledAt)],
);

/** A poll of a live session: prepared in advance (draft), pushed (open), then closed. */
export const livePolls = pgTable(
  "live_polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull().references(() => liveSessions.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** single | multiple | scale | text | stimulus, as for quick polls. */
    kind: text("kind").notNull(),
    /** A one-question definition built like a quick poll's (plus the concept shown before it). */
    definition: jsonb("definition").$type<Definition>().notNull(),
    status: livePollStatusEnum("status").notNull().default("draft"),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (p) => [index("live_polls_session_idx").on(p.sessionId, p.position)],
);

/** One participant's answer to one live poll. The unique key refuses a second answer: never counted twice. */
export const liveAnswers = pgTable(
  "live_answers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pollId: uuid("poll_id").notNull().references(() => livePolls.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").notNull().references(() => liveSessions.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    value: jsonb("value").$type<AnswerValue>().notNull(),
    /** The participant's profile attributes when they answered. */
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    locale: localeEnum("locale").notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (a) => [uniqueIndex("live_answers_one_per_person").on(a.pollId, a.userId), index("live_answers_session_idx").on(a.sessionId)],
);

/**
 * Running counts of a poll's answers, kept in the statement that stores each answer: per bucket
 * (a choice id, a scale value, or "_all" for respondents) overall (attribute "") and per profile
 * attribute value. Live results are read from here, never by re-reading the answers.
 */
export const livePollTallies = pgTable(
  "live_poll_tallies",
  {
    pollId: uuid("poll_id").notNull().references(() => livePolls.id, { onDelete: "cascade" }),
    attribute: text("attribute").notNull(),
    attributeValue: text("attribute_value").notNull(),
    bucket: text("bucket").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.attribute, t.attributeValue, t.bucket] })],
);

/** The moderated discussion thread of a session. */
export const livePosts = pgTable(
  "live_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull().references(() => liveSessions.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: livePostStatusEnum("status").notNull().default("visible"),
    highlighted: boolean("highlighted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (p) => [index("live_posts_session_idx").on(p.sessionId, p.createdAt)],
);

/**
 * The session's timeline and the stream clients resume from: (session, seq) is gapless and
 * commits in order. The stream strips what an audience may not see (a post's author reaches
 * moderators only) before sending a payload.
 */
export const liveEvents = pgTable(
  "live_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sessionId: uuid("session_id").notNull().references(() => liveSessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (e) => [uniqueIndex("live_events_session_seq_key").on(e.sessionId, e.seq)],
);
