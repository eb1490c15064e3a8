"use client";

import { useEffect, useReducer, useRef, useState } from "react";
import type { LiveEvent, LiveResults, LiveSnapshot, LiveTexts } from "@/lib/live/events";
import { applyLiveMessage, type LiveMessage } from "@/lib/live/live-state";

/** "finished": the session ended and a participant's stream was let go on purpose. */
export type LiveConnection = "connecting" | "open" | "reconnecting" | "closed" | "finished";

/** The URL of a session's event stream (served by the lean server path). */
export const liveEventsUrl = (orgSlug: string, sessionId: string) => `/api/o/${orgSlug}/live/${sessionId}/events`;
/** Where a participant posts a message to the session's thread. */
export const livePostUrl = (orgSlug: string, sessionId: string) => `/api/o/${orgSlug}/live/${sessionId}/posts`;
/** Where a participant posts an answer to an open poll. */
export const liveAnswerUrl = (orgSlug: string, sessionId: string, pollId: string) => `/api/o/${orgSlug}/live/${sessionId}/polls/${pollId}/answer`;

/**
 * Follows a live session over Server-Sent Events. The browser reconnects by itself and sends
 * Last-Event-ID, so the server replays exactly the events missed; "snapshot" starts (or resets)
 * the state, "event" moves it one step, "results" and "texts" carry the latest figures.
 */
export function useLiveStream(orgSlug: string, sessionId: string) {
  const [state, dispatch] = useReducer(applyLiveMessage, null);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const sourceRef = useRef<EventSource | null>(null);

  useEffect(() => {
    const source = new EventSource(liveEventsUrl(orgSlug, sessionId));
    sourceRef.current = source;
    const on = (name: string, toMessage: (data: unknown) => LiveMessage) =>
      source.addEventListener(name, (message) => dispatch(toMessage(JSON.parse((message as MessageEvent<string>).data))));
    on("snapshot", (data) => ({ type: "snapshot", snapshot: data as LiveSnapshot }));
    on("event", (data) => ({ type: "event", event: data as LiveEvent }));
    on("results", (data) => ({ type: "results", results: data as LiveResults }));
    on("texts", (data) => ({ type: "texts", texts: data as LiveTexts }));
    source.onopen = () => setConnection("open");
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    return () => source.close();
  }, [orgSlug, sessionId]);

  // The server closes a participant's stream once the session has ended: stop the browser from reconnecting.
  const isOver = state?.audience === "participant" && state.session.status === "ended";
  useEffect(() => {
    if (isOver) sourceRef.current?.close();
  }, [isOver]);

  return { state, connection: isOver ? ("finished" as const) : connection, dispatch };
}
