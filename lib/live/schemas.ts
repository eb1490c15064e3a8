import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { checkPollContent, pollContentSchema } from "@/lib/polls/schemas";

const sessionId = z.uuid({ message: "notFound" });
const pollId = z.uuid({ message: "notFound" });
const postId = z.uuid({ message: "notFound" });
const optionalId = z.union([z.uuid({ message: "notFound" }), z.literal("")]).optional().transform((value) => value || undefined);

/** A datetime-local value ("2027-03-01T09:00") names a UTC time, as the form says. */
export function utcDateTime(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value;
}

export const scheduleLiveSessionSchema = z.object({
  panelId: z.uuid({ message: "notFound" }),
  sampleId: optionalId,
  title: z.string().trim().min(3, { message: "liveTitleTooShort" }).max(160, { message: "textTooLong" }),
  scheduledAt: z.preprocess((value) => (typeof value === "string" ? utcDateTime(value) : value), z.coerce.date({ message: "liveScheduledAtInvalid" })),
  defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }),
});
export type ScheduleLiveSessionInput = z.input<typeof scheduleLiveSessionSchema>;

export const sessionRefSchema = z.object({ sessionId });
export const pollRefSchema = z.object({ sessionId, pollId });
export const postRefSchema = z.object({ sessionId, postId });

export const addLivePollSchema = pollContentSchema.extend({ sessionId }).superRefine(checkPollContent);
export type AddLivePollInput = z.input<typeof addLivePollSchema>;
export const editLivePollSchema = pollContentSchema.extend({ sessionId, pollId }).superRefine(checkPollContent);
export type EditLivePollInput = z.input<typeof editLivePollSchema>;

export const moveLivePollSchema = pollRefSchema.extend({ direction: z.enum(["up", "down"], { message: "invalid" }) });

/** Plain text: markup is shown as typed, never rendered. */
export const livePostSchema = z.object({
  sessionId,
  body: z.string().trim().min(1, { message: "livePostEmpty" }).max(1000, { message: "livePostTooLong" }),
});

/** What a participant's browser sends to post (the session is in the path); createLivePost checks the rest. */
export const livePostRequestSchema = z.object({ body: z.string({ message: "livePostEmpty" }) });
/** A post is at most 1000 characters of text, sent as JSON. */
export const MAX_LIVE_POST_BYTES = 16 * 1024;

/** What a participant's browser sends to answer the open poll; submitLiveAnswer checks the value against the poll. */
export const liveAnswerRequestSchema = z.object({ value: z.unknown() });
/** An answer is one value (a choice id, a few ids, a number or a short text), sent as JSON. */
export const MAX_LIVE_ANSWER_BYTES = 16 * 1024;

/** "true"/"false" from a form, or a boolean from code. */
export const highlightLivePostSchema = postRefSchema.extend({ highlighted: z.preprocess((value) => value === true || value === "true", z.boolean()) });

/** At most this many posts per person in any window of FLOOD_WINDOW_MS: a runaway client cannot drown the thread. */
export const FLOOD_MAX_POSTS = 5;
export const FLOOD_WINDOW_MS = 10_000;
