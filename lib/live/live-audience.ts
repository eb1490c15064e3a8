import { VIEWER_ONLY_EVENTS, type LiveAudience, type LiveEvent } from "./events";

/** Whether the audience watches results (moderators and observers) rather than answering. */
export const isViewer = (audience: LiveAudience) => audience !== "participant";

/**
 * An event as one audience may see it: viewer-only events never reach participants, and a post's
 * author reaches moderators only. Null when the audience gets nothing.
 */
export function eventForAudience(event: LiveEvent, audience: LiveAudience): LiveEvent | null {
  if (audience === "participant" && VIEWER_ONLY_EVENTS.has(event.kind)) return null;
  if (event.kind === "post.created" && audience !== "moderator") {
    const payload = { ...(event.payload as LiveEvent<"post.created">["payload"]) };
    delete payload.author;
    return { ...event, payload } as LiveEvent;
  }
  return event;
}
