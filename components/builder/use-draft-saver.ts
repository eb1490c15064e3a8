"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Definition } from "@/lib/instruments/definition";

export type SaveStatus = { status: "saved" } | { status: "dirty" } | { status: "saving" } | { status: "invalid" } | { status: "error"; error: string; isConflict: boolean };

type SaveResult = { status: "success"; data: { revision: number } } | { status: "error"; error: string; fieldErrors?: Record<string, string> };

interface Draft {
  name: string;
  definition: Definition;
}

/**
 * Saves the draft a moment after the last edit, one save at a time, each based on the revision
 * the previous save returned. A refused save stays dirty; a conflict stops saving until reload.
 */
export function useDraftSaver({ draft, revision, isValid, save, delayMs = 1000 }: { draft: Draft; revision: number; isValid: boolean; save: (draft: Draft, revision: number) => Promise<SaveResult>; delayMs?: number }) {
  const [status, setStatus] = useState<SaveStatus>({ status: "saved" });
  const latest = useRef(draft);
  const revisionRef = useRef(revision);
  const isDirty = useRef(false);
  const isConflict = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (isConflict.current) return false;
    if (!isDirty.current) return true;
    if (!isValid) {
      setStatus({ status: "invalid" });
      return false;
    }
    const snapshot = latest.current;
    isDirty.current = false;
    setStatus({ status: "saving" });
    const attempt = save(snapshot, revisionRef.current).then((result) => {
      if (result.status === "success") {
        revisionRef.current = result.data.revision;
        setStatus(isDirty.current ? { status: "dirty" } : { status: "saved" });
        return true;
      }
      isDirty.current = true;
      isConflict.current = result.error === "draftOutdated";
      setStatus({ status: "error", error: Object.values(result.fieldErrors ?? {})[0] ?? result.error, isConflict: isConflict.current });
      return false;
    });
    inFlight.current = attempt.finally(() => {
      inFlight.current = null;
    });
    return attempt;
  }, [isValid, save]);

  useEffect(() => {
    if (latest.current !== draft) isDirty.current = true;
    latest.current = draft;
    if (!isDirty.current || isConflict.current) return;
    setStatus(isValid ? { status: "dirty" } : { status: "invalid" });
    if (!isValid) return;
    const timer = setTimeout(() => void saveNow(), delayMs);
    return () => clearTimeout(timer);
  }, [draft, isValid, saveNow, delayMs]);

  return { status, saveNow, isDirty: () => isDirty.current };
}
