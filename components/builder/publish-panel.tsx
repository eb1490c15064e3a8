"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { Checkbox } from "./controls";

export type Audience = "participant" | "frontline";

export interface PublishPanelProps {
  latestVersion: number;
  versions: Array<{ version: number; publishedAt: string }>;
  hasUnpublishedChanges: boolean;
  /** Why publishing is not possible yet (already translated), or null. */
  blockedReason: string | null;
  isPublishing: boolean;
  /** The outcome of the last publish: a success message or an error, already translated. */
  outcome: { tone: "success" | "danger"; text: string } | null;
  onPublish: () => void;
  isOpen: boolean;
  audience: Audience[];
  onAvailability: (input: { isOpen: boolean; audience: Audience[] }) => Promise<string | null>;
  children?: React.ReactNode;
}

export function PublishPanel(props: PublishPanelProps) {
  const t = useTranslations("builder");
  const format = useFormatter();
  const { latestVersion, versions, hasUnpublishedChanges, blockedReason, isPublishing, outcome, onPublish } = props;
  return (
    <section aria-labelledby="publish-heading" className="space-y-4 rounded-lg border border-border bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="publish-heading" className="text-lg font-semibold">
          {t("publishTitle")}
        </h2>
        <span data-testid="latest-version">{latestVersion > 0 ? <Badge tone="success">{t("versionNumber", { version: latestVersion })}</Badge> : <Badge>{t("neverPublished")}</Badge>}</span>
      </div>
      {hasUnpublishedChanges && latestVersion > 0 && <p className="text-sm text-warning">{t("unpublishedChanges")}</p>}
      {props.children}
      <div className="space-y-2">
        <Button className="w-full" onClick={onPublish} disabled={blockedReason !== null || isPublishing} aria-busy={isPublishing} aria-describedby={blockedReason ? "publish-blocked" : undefined}>
          {isPublishing ? t("publishing") : t("publish")}
        </Button>
        {blockedReason && (
          <p id="publish-blocked" className="text-sm text-muted">
            {blockedReason}
          </p>
        )}
        <div aria-live="polite">{outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}</div>
      </div>
      {versions.length > 0 && (
        <div>
          <h3 className="mb-1 font-semibold">{t("versionsTitle")}</h3>
          <ul className="divide-y divide-border text-sm" data-testid="versions">
            {versions.map((version) => (
              <li key={version.version} className="flex justify-between gap-2 py-1.5">
                <span>{t("versionNumber", { version: version.version })}</span>
                <span className="text-muted">{format.dateTime(new Date(version.publishedAt), { dateStyle: "medium", timeStyle: "short" })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <AvailabilityForm {...props} />
    </section>
  );
}

function AvailabilityForm({ latestVersion, isOpen: initialOpen, audience: initialAudience, onAvailability }: PublishPanelProps) {
  const t = useTranslations("builder");
  const [isOpen, setIsOpen] = useState(initialOpen);
  const [audience, setAudience] = useState<Audience[]>(initialAudience);
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const toggle = (value: Audience, checked: boolean) => setAudience((current) => (checked ? [...new Set([...current, value])] : current.filter((item) => item !== value)));
  const isUnpublished = latestVersion === 0;
  return (
    <form
      className="space-y-3 border-t border-border pt-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setIsSaving(true);
        const error = await onAvailability({ isOpen, audience });
        setIsSaving(false);
        setMessage(error ? { tone: "danger", text: error } : { tone: "success", text: isOpen ? t("nowOpen") : t("nowClosed") });
      }}
    >
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("availabilityTitle")}</legend>
        <Checkbox id="availability-open" label={t("openForResponses")} checked={isOpen} disabled={isUnpublished} hint={isUnpublished ? t("openNeedsVersion") : undefined} onChange={setIsOpen} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("audienceLegend")}</legend>
          <Checkbox id="audience-participant" label={t("audienceCustomers")} checked={audience.includes("participant")} onChange={(checked) => toggle("participant", checked)} />
          <Checkbox id="audience-frontline" label={t("audienceFrontline")} checked={audience.includes("frontline")} onChange={(checked) => toggle("frontline", checked)} />
        </fieldset>
      </fieldset>
      <Button type="submit" variant="secondary" className="w-full" disabled={isSaving || isUnpublished} aria-busy={isSaving}>
        {t("saveAvailability")}
      </Button>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </form>
  );
}
