/** Queue job kinds of live sessions (handlers registered in lib/jobs/handlers.ts). */
export const LIVE_JOB = {
  /** Mails a scheduled session's participants their join link, in their language. */
  invite: "live-session.invite",
  /** After a session ends: its answers become ordinary responses of one instrument, for KPIs and insights. */
  store: "live-session.store",
} as const;
