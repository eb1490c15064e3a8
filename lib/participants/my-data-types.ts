import type { EvidenceItem } from "@/lib/decisions/evidence";
import type { Locale } from "@/lib/i18n/locales";
import type { Role } from "@/lib/authz/roles";
import type { ConsentPurpose } from "@/db/schema/privacy";

/**
 * Everything Attune holds about one person in one organization, as the "my data" page shows it and
 * the JSON export writes it. `schemaVersion` changes whenever a field is renamed, removed or changes
 * meaning; adding a field keeps it. Dates are ISO 8601 strings in UTC. Texts people wrote are as they
 * wrote them; answers are rendered with the prompts and labels of the version that was answered, in
 * the reader's language (`locale`).
 */
export const MY_DATA_SCHEMA_VERSION = 1 as const;

/** One page of a list a person may have many of; `nextCursor` reads the next, older page. */
export interface MyDataPage<T> {
  total: number;
  items: T[];
  nextCursor: string | null;
}

export interface MyAccount {
  name: string | null;
  email: string | null;
  locale: Locale | null;
  createdAt: string;
}

export interface MyMembership {
  role: Role;
  /** Segment attributes the organization keeps on the person (region, language, team…). */
  attributes: Record<string, string>;
  since: string;
}

export interface MyProgramMembership {
  programId: string;
  programName: string;
  kind: "council" | "frontline" | "panel";
  /** A frontline program is joined through the staff roster, so it has no membership row of its own. */
  status: "pending_consent" | "active" | "left" | "staff";
  profile: Record<string, unknown>;
  joinedAt: string | null;
  leftAt: string | null;
}

export interface MyConsent {
  programId: string;
  programName: string;
  purpose: ConsentPurpose;
  version: number;
  granted: boolean;
  decidedAt: string;
  /** The text of that version as the person read it; null when it is no longer stored. */
  text: string | null;
}

export interface MyAnswer {
  questionId: string;
  prompt: string;
  /** The answer as readable lines (a choice's label, "3 / 5", a ranking…); empty when not answered. */
  lines: string[];
}

export interface MyResponse {
  id: string;
  instrumentName: string;
  status: "in_progress" | "completed";
  locale: Locale;
  startedAt: string;
  submittedAt: string | null;
  /** Set when erasure or retention took the free text away. */
  anonymizedAt: string | null;
  answers: MyAnswer[];
}

export interface MyLiveAnswer {
  sessionTitle: string;
  question: string;
  lines: string[];
  answeredAt: string;
}

export interface MyLivePost {
  sessionTitle: string;
  body: string;
  status: "visible" | "hidden";
  highlighted: boolean;
  createdAt: string;
}

export interface MyFieldReport {
  kind: "pain_point" | "praise";
  urgency: "low" | "normal" | "urgent";
  body: string;
  team: string | null;
  location: string | null;
  createdAt: string;
}

/** Notes of an interview a researcher held with the person. */
export interface MyInterviewNote {
  title: string;
  interviewedOn: string;
  body: string;
  createdAt: string;
}

export interface MyMail {
  programName: string;
  sessionOpensAt: string;
  kind: "invitation" | "reminder";
  sequence: number;
  sentAt: string;
}

/** Something the person did that the audit log recorded: what (its label in their language) and when, nothing more. */
export interface MyActivity {
  action: string;
  label: string;
  at: string;
}

/** A published memo of a program the person took part in; `href` is the member's memo page when they can still open it. */
export interface MyGroupMemo {
  memoId: string;
  programId: string;
  programName: string;
  title: string;
  body: string;
  sessionOpensAt: string;
  publishedAt: string | null;
  href: string | null;
}

/** A published insight whose evidence includes something the person said: its claim and body, never other people's words. */
export interface MySharedInsight {
  insightId: string;
  claim: string;
  body: string;
  publishedAt: string;
}

/** A decision whose frozen evidence cites something from the person's groups: only those items are kept. */
export interface MyDecision {
  id: string;
  campaignName: string;
  kind: "launch" | "revise" | "stop" | "other";
  rationale: string;
  decidedAt: string;
  /** When this entry corrects an earlier one: that entry's date. */
  corrects: { id: string; decidedAt: string } | null;
  /** Later entries that correct this one. */
  correctedBy: Array<{ id: string; decidedAt: string }>;
  cited: EvidenceItem[];
}

interface MyDataSections<List> {
  schemaVersion: typeof MY_DATA_SCHEMA_VERSION;
  generatedAt: string;
  locale: Locale;
  organization: { slug: string; name: string };
  account: MyAccount;
  membership: MyMembership;
  programs: MyProgramMembership[];
  consents: MyConsent[];
  responses: List extends "page" ? MyDataPage<MyResponse> : MyResponse[];
  liveAnswers: List extends "page" ? MyDataPage<MyLiveAnswer> : MyLiveAnswer[];
  livePosts: List extends "page" ? MyDataPage<MyLivePost> : MyLivePost[];
  fieldReports: List extends "page" ? MyDataPage<MyFieldReport> : MyFieldReport[];
  interviews: List extends "page" ? MyDataPage<MyInterviewNote> : MyInterviewNote[];
  mails: List extends "page" ? MyDataPage<MyMail> : MyMail[];
  activity: List extends "page" ? MyDataPage<MyActivity> : MyActivity[];
  learned: {
    memos: MyGroupMemo[];
    /** Published insights that rest, in part, on the person's own words. */
    insights: MySharedInsight[];
  };
  youSaidWeDid: MyDecision[];
}

/** What the page reads: long lists one page at a time. */
export type MyData = MyDataSections<"page">;
/** What the export writes: every list in full. */
export type MyDataExport = MyDataSections<"all">;
