"use client";
import { useTranslations } from "use-intl";
import { Badge } from "@/components/ui/card";
import type { LiveConnection } from "./use-live-stream";

const TONE = { connecting: "neutral", open: "success", reconnecting: "warning", closed: "danger", finished: "neutral" } as const;

/** The stream's state, announced politely when it changes. */
export function ConnectionStatus({ connection }: { connection: LiveConnection }) {
  const t = useTranslations("live.connection");
  return (
    <span role="status" aria-live="polite" data-testid="live-connection" data-state={connection}>
      <Badge tone={TONE[connection]}>{t(connection)}</Badge>
    </span>
  );
}

/** A banner across a participant's screen while the connection is being restored. */
export function ReconnectingBanner({ connection }: { connection: LiveConnection }) {
  const t = useTranslations("live.connection");
  return (
    <div role="status" aria-live="polite">
      {(connection === "reconnecting" || connection === "closed") && (
        <p className="rounded-md border border-warning bg-warning-bg px-4 py-3 text-sm text-warning" data-testid="live-reconnecting">
          {t(connection)}
        </p>
      )}
    </div>
  );
}
