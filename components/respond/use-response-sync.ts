"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { readProblem, type Problem } from "@/lib/http/problem";
import type { Answers } from "@/lib/instruments/answers";
import type { Locale } from "@/lib/i18n/locales";

export type SyncStatus = "idle" | "saving" | "saved" | "offline" | "failed";

export interface SubmitResult {
  responseId: string;
  status: "in_progress" | "completed";
  isRepeat: boolean;
}

interface Job {
  kind: "save" | "submit";
  body: { instrumentId: string; locale: Locale; answers: Answers };
}

interface SyncOptions {
  orgSlug: string;
  instrumentId: string;
  responseId: string;
  onInvalid: (errors: Record<string, string>, kind: Job["kind"]) => void;
  onStartedElsewhere: () => void;
  onCompleted: (result: SubmitResult) => void;
}

const MAX_DELAY = 30_000;

class RetryLaterError extends Error {
  constructor(readonly seconds: number) {
    super(`retry after ${seconds} s`);
  }
}

/**
 * Sends answers to the server: the newest partial save, or the submission, one request at a
 * time. A network failure keeps the job and retries with backoff and when the browser comes back
 * online; every attempt carries the same response id, so the server counts it once.
 */
export function useResponseSync(options: SyncOptions) {
  const [status, setStatus] = useState<SyncStatus>("idle");
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(options);
  const pending = useRef<Job | null>(null);
  const isInFlight = useRef(false);
  const attempts = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const debounceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const debounced = useRef<Job | null>(null);
  const flushRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    latest.current = options;
  });

  const flush = useCallback(async () => {
    const job = pending.current;
    if (!job || isInFlight.current) return;
    isInFlight.current = true;
    clearTimeout(retryTimer.current);
    setStatus("saving");
    const { orgSlug, responseId } = latest.current;
    const url = `/api/o/${encodeURIComponent(orgSlug)}/responses/${responseId}${job.kind === "submit" ? "/submit" : ""}`;
    let isRetrying = false;
    try {
      const response = await fetch(url, { method: job.kind === "submit" ? "POST" : "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(job.body) });
      // Rate limited: like being offline, the job stays and goes again once the server says so.
      if (response.status === 429) throw new RetryLaterError(Number(response.headers.get("retry-after")) || 1);
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      // Answered: what the server stored; refused: why (lib/http/problem.ts).
      const outcome: { result: SubmitResult } | { problem: Problem } = response.ok ? { result: (await response.json().catch(() => ({}))) as SubmitResult } : { problem: await readProblem(response) };
      attempts.current = 0;
      if (pending.current === job) pending.current = null;
      if ("result" in outcome) {
        setStatus("saved");
        setFailure(null);
        if (job.kind === "submit") latest.current.onCompleted(outcome.result);
      } else if (response.status === 422) {
        setStatus("idle");
        setIsSubmitting(false);
        latest.current.onInvalid(outcome.problem.errors ?? { form: outcome.problem.title ?? "invalid" }, job.kind);
      } else if (response.status === 409 && outcome.problem.title === "responseStartedElsewhere") {
        latest.current.onStartedElsewhere();
      } else {
        setStatus("failed");
        setIsSubmitting(false);
        setFailure(outcome.problem.title ?? "unexpected");
      }
    } catch (error) {
      // Offline, the server unreachable or busy: keep the job, try again later.
      isRetrying = true;
      attempts.current += 1;
      setStatus("offline");
      const backoff = Math.min(MAX_DELAY, 1000 * 2 ** attempts.current);
      const delay = error instanceof RetryLaterError ? Math.max(backoff, error.seconds * 1000) : backoff;
      retryTimer.current = setTimeout(() => void flushRef.current(), delay);
    } finally {
      isInFlight.current = false;
    }
    if (!isRetrying && pending.current) void flushRef.current();
  }, []);

  useEffect(() => {
    flushRef.current = flush;
    const retryNow = () => {
      attempts.current = 0;
      void flush();
    };
    window.addEventListener("online", retryNow);
    return () => {
      window.removeEventListener("online", retryNow);
      clearTimeout(retryTimer.current);
      clearTimeout(debounceTimer.current);
    };
  }, [flush]);

  const enqueue = useCallback(
    (job: Job) => {
      clearTimeout(debounceTimer.current);
      debounced.current = null;
      // Once submitted, a late autosave must not replace the submission.
      if (job.kind === "save" && pending.current?.kind === "submit") return;
      pending.current = job;
      void flush();
    },
    [flush],
  );

  /** Saves now (on Next, on a language change). */
  const saveNow = useCallback((body: Job["body"]) => enqueue({ kind: "save", body }), [enqueue]);

  /** Saves after the person pauses typing or choosing. */
  const saveSoon = useCallback(
    (body: Job["body"]) => {
      clearTimeout(debounceTimer.current);
      debounced.current = { kind: "save", body };
      debounceTimer.current = setTimeout(() => enqueue({ kind: "save", body }), 1200);
    },
    [enqueue],
  );

  useEffect(() => {
    // A phone may suspend the tab right after the last tap: save what is waiting before it does.
    const saveWaiting = () => {
      if (document.visibilityState === "hidden" && debounced.current) enqueue(debounced.current);
    };
    document.addEventListener("visibilitychange", saveWaiting);
    return () => document.removeEventListener("visibilitychange", saveWaiting);
  }, [enqueue]);

  const isSubmittingRef = useRef(false);
  const submit = useCallback(
    (body: Job["body"]) => {
      // A double click or a second tap while the first is under way sends nothing more.
      if (isSubmittingRef.current) return;
      isSubmittingRef.current = true;
      setIsSubmitting(true);
      enqueue({ kind: "submit", body });
    },
    [enqueue],
  );

  useEffect(() => {
    if (!isSubmitting) isSubmittingRef.current = false;
  }, [isSubmitting]);

  return { status, isSubmitting, failure, saveNow, saveSoon, submit };
}
