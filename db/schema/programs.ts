import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { localeEnum } from "./enums";
import { instruments } from "./instruments";
import { organizations } from "./organizations";

export const programKindEnum = pgEnum("program_kind", ["council", "frontline", "panel"]);
export const cadenceEnum = pgEnum("program_cadence", ["monthly", "quarterly", "custom"]);
export const programStatusEnum = pgEnum("program_status", ["active", "archived"]);
export const programMemberStatusEnum = pgEnum("program_member_status", ["pending_consent", "active", "left"]);
export const cycleStatusEnum = pgEnum("cycle_status", ["scheduled", "open", "closed"]);
export const cycleNotificationKindEnum = pgEnum("cycle_notification_kind", ["invitation", "reminder"]);
export const memoStatusEnum = pgEnum("memo_status", ["draft", "published"]);
export const fieldReportKindEnum = pgEnum("field_report_kind", ["pain_point", "praise"]);
export const urgencyEnum = pgEnum("urgency", ["low", "normal", "urgent"]);

/** A target share of the council for one attribute value, e.g. region = north at 25%. */
export interface CompositionTarget {
  attribute: string;
  value: string;
  /** 0–100 */
  share: number;
}

/**
 * A listening program: a lived-experience advisory council (customers, recurring sessions), the
 * monthly frontline insights (staff, recurring cycles) or a focus-group panel (customers asked
 * at any moment through quick polls and live sessions).
 */
export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    kind: programKindEnum("kind").notNull(),
    name: text("name").notNull(),
    /** Shown to members: why the council exists. */
    purpose: text("purpose").notNull().default(""),
    /** What is collected, for what, who sees it, how to leave; members accept it on joining. */
    consentText: text("consent_text").notNull().default(""),
    defaultLocale: localeEnum("default_locale").notNull().default("en"),
    cadence: cadenceEnum("cadence").notNull().default("quarterly"),
    /** For a custom cadence: a cycle every this many months. */
    cadenceMonths: integer("cadence_months").notNull().default(3),
    /** When the first cycle opens; cycle k opens `k` cadence steps later, on `openDay`. */
    startsOn: timestamp("starts_on", { withTimezone: true }).notNull(),
    /** Day of the month a cycle opens (1–28). */
    openDay: integer("open_day").notNull().default(1),
    /** How many days a cycle stays open. */
    openForDays: integer("open_for_days").notNull().default(14),
    maxReminders: integer("max_reminders").notNull().default(2),
    reminderEveryDays: integer("reminder_every_days").notNull().default(3),
    targetSize: integer("target_size"),
    compositionTargets: jsonb("composition_targets").$type<CompositionTarget[]>().notNull().default([]),
    /** Panels: representation quotas shown against the panel's actual make-up. */
    panelQuotas: jsonb("panel_quotas").$type<PanelQuota[]>().notNull().default([]),
    /** The survey every cycle answers; each cycle gets its own frozen copy. */
    templateInstrumentId: uuid("template_instrument_id").references(() => instruments.id, { onDelete: "set null" }),
    status: programStatusEnum("status").notNull().default("active"),
    /** What the program promised its data will never be used for (DATA_USE_PROMISES); shown to members, enforced on exports. */
    dataUsePromises: text("data_use_promises").array().notNull().default(sql`'{}'::text[]`),
    /** Identifiable data and free text older than this many months are purged by the retention job; null keeps them until erased. */
    retentionMonths: integer("retention_months"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (p) => [index("programs_org_idx").on(p.organizationId, p.kind)],
);

/** Self-reported profile a council member fills on joining. */
export interface MemberProfile {
  region?: string;
  language?: string;
  ageBand?: string;
  tenure?: string;
  selfDescribed?: string;
  /** Council members who agreed to be asked to join panels too. */
  panelOptIn?: boolean;
  /** Answers to the organization's own profile attributes (panel_attributes). */
  custom?: Record<string, string>;
}

/** A customer's membership of a council or panel: consent and profile. Frontline programs use the staff roster instead. */
export const programMembers = pgTable(
  "program_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: programMemberStatusEnum("status").notNull().default("pending_consent"),
    profile: jsonb("profile").$type<MemberProfile>().notNull().default({}),
    /** sha256 of the consent text the member accepted: a changed text asks again. */
    consentTextHash: text("consent_text_hash"),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (m) => [uniqueIndex("program_members_program_user_key").on(m.programId, m.userId), index("program_members_user_idx").on(m.userId)],
);

/** A single-use, expiring invitation to join a council. Only the token's hash is stored. */
export const programInvitations = pgTable(
  "program_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    locale: localeEnum("locale").notNull().default("en"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [
    index("program_invitations_program_idx").on(i.programId, i.createdAt),
    uniqueIndex("program_invitations_one_open_per_email")
      .on(i.programId, i.email)
      .where(sql`accepted_at is null and revoked_at is null`),
  ],
);

/** One cycle of a program's cadence: a council session or a monthly frontline pulse. */
export const programCycles = pgTable(
  "program_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    sequence: integer("sequence").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    status: cycleStatusEnum("status").notNull().default("scheduled"),
    /** The frozen copy of the program's survey this cycle answers; set when it opens. */
    instrumentId: uuid("instrument_id").references(() => instruments.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Who was invited and who answered, counted when the cycle closed (null while open): response rates read these, not the rows. */
    invitedCount: integer("invited_count"),
    respondedCount: integer("responded_count"),
  },
  (c) => [
    uniqueIndex("program_cycles_sequence_key").on(c.programId, c.sequence),
    uniqueIndex("program_cycles_instrument_key").on(c.instrumentId),
    index("program_cycles_org_idx").on(c.organizationId, c.opensAt),
  ],
);

/** Every invitation and reminder mail sent for a cycle: the unique key makes each one go out once. */
export const cycleNotifications = pgTable(
  "cycle_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cycleId: uuid("cycle_id").notNull().references(() => programCycles.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: cycleNotificationKindEnum("kind").notNull(),
    /** 0 for the invitation, 1…N for reminders. */
    sequence: integer("sequence").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (n) => [uniqueIndex("cycle_notifications_once_key").on(n.cycleId, n.userId, n.kind, n.sequence)],
);

/** A quote in a memo, linked to the response it came from. */
export interface MemoQuote {
  responseId: string;
  questionId: string;
  text: string;
}

/** The session's figures as they were when the memo was written. */
export interface MemoFigures {
  invited: number;
  responded: number;
  responseRate: number | null;
  kpis: { code: string; label: string; value: number | null; n: number }[];
}

/** "The truth behind the data": the researcher's guidance memo for a closed cycle, readable by members once published. */
export const cycleMemos = pgTable("cycle_memos", {
  id: uuid("id").primaryKey().defaultRandom(),
  cycleId: uuid("cycle_id").notNull().unique().references(() => programCycles.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  body: text("body").notNull().default(""),
  quotes: jsonb("quotes").$type<MemoQuote[]>().notNull().default([]),
  figures: jsonb("figures").$type<MemoFigures>(),
  status: memoStatusEnum("status").notNull().default("draft"),
  authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A "what I heard" report: a pain point or praise a staff member heard from a customer. */
export const fieldReports = pgTable(
  "field_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    /** Kept so the author can see their own reports; never shown to leaders or researchers. */
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: fieldReportKindEnum("kind").notNull(),
    urgency: urgencyEnum("urgency").notNull().default("normal"),
    body: text("body").notNull(),
    /** Team and location when reported, for routing; never the person. */
    team: text("team"),
    location: text("location"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (r) => [index("field_reports_org_idx").on(r.organizationId, r.createdAt)],
);

/** An organization's own profile attribute for panels (e.g. "household size"), with its allowed values. */
export const panelAttributes = pgTable(
  "panel_attributes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    values: jsonb("values").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (a) => [uniqueIndex("panel_attributes_org_key").on(a.organizationId, a.key)],
);

/** A representation quota of a panel: at least `minShare` percent of members with attribute = value. */
export interface PanelQuota {
  attribute: string;
  value: string;
  minShare: number;
}

/** A balanced subset of a panel drawn for one study. */
export const panelSamples = pgTable(
  "panel_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** What the sample was balanced on, as asked. */
    criteria: jsonb("criteria").$type<{ size: number; balanceOn: string[] }>().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (s) => [index("panel_samples_program_idx").on(s.programId, s.createdAt)],
);

export const panelSampleMembers = pgTable(
  "panel_sample_members",
  {
    sampleId: uuid("sample_id").notNull().references(() => panelSamples.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (m) => [uniqueIndex("panel_sample_members_key").on(m.sampleId, m.userId)],
);

export const quickPollStatusEnum = pgEnum("quick_poll_status", ["open", "closed"]);
export const quickPollCloseReasonEnum = pgEnum("quick_poll_close_reason", ["deadline", "quotas_met", "manual"]);

/** Responses wanted per attribute value before a quick poll may close early, e.g. 20 answers from ru speakers. */
export interface QuickPollQuota {
  attribute: string;
  value: string;
  count: number;
}

/**
 * A quick poll sent between live sessions to a whole panel or one of its samples: a short instrument
 * (answered through the usual capture path, once per person) with a deadline and optional quotas.
 */
export const quickPolls = pgTable(
  "quick_polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    sampleId: uuid("sample_id").references(() => panelSamples.id, { onDelete: "set null" }),
    instrumentId: uuid("instrument_id").notNull().unique().references(() => instruments.id, { onDelete: "cascade" }),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    quotas: jsonb("quotas").$type<QuickPollQuota[]>().notNull().default([]),
    status: quickPollStatusEnum("status").notNull().default("open"),
    closeReason: quickPollCloseReasonEnum("close_reason"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (p) => [index("quick_polls_program_idx").on(p.programId, p.openedAt)],
);
