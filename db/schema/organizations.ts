import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { localeEnum, roleEnum } from "./enums";

/** What erasure does with a person's numeric answers: detach them from any identity (published aggregates stay) or delete them. */
export const erasurePolicyEnum = pgEnum("erasure_policy", ["keep_anonymous", "delete"]);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  defaultLocale: localeEnum("default_locale").notNull().default("en"),
  /** Smallest group whose scores may be shown (never below 3). */
  minGroupSize: integer("min_group_size").notNull().default(5),
  /** Smallest group whose comments may be shown (never below 3). */
  minCommentGroupSize: integer("min_comment_group_size").notNull().default(10),
  erasurePolicy: erasurePolicyEnum("erasure_policy").notNull().default("keep_anonymous"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Profile attributes used for segments: region, language, age band, tenure, team, location, custom ones. */
export type MemberAttributes = Record<string, string>;

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    attributes: jsonb("attributes").$type<MemberAttributes>().notNull().default({}),
    /** Set when a member leaves (e.g. a staff member removed from the roster): they lose access, their history stays. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (m) => [
    uniqueIndex("memberships_org_user_key").on(m.organizationId, m.userId),
    index("memberships_user_idx").on(m.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** sha256 of the token sent by email; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (i) => [
    index("invitations_org_idx").on(i.organizationId, i.createdAt),
    uniqueIndex("invitations_one_open_per_email")
      .on(i.organizationId, i.email)
      .where(sql`accepted_at is null and revoked_at is null`),
  ],
);
