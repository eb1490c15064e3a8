import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { isOptionalPurpose } from "@/lib/consent/consent-state";
import type { getMyConsent } from "@/lib/consent/get-my-consent";
import type { ActionState } from "@/lib/http/action-state";
import { ConsentDecisionForm } from "./consent-decision-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
const TONE = { granted: "success", refused: "neutral", needs_answer: "warning", not_offered: "neutral" } as const;

/** "Your consents": each purpose's state, the version and date of the member's answer, its text, and grant or withdraw. */
export async function MyConsents({ orgId, kind, programId, consent, action, isNested = false, permalink }: { orgId: string; kind: "council" | "panel"; programId: string; consent: Awaited<ReturnType<typeof getMyConsent>>; action: Action; isNested?: boolean; permalink?: (purposeAnchor: string) => string }) {
  const [t, format] = await Promise.all([getTranslations("consent"), getFormatter()]);
  // Inside a panel's card (itself under an h3) the headings go one level down.
  const [Title, Item, Wrapper] = isNested ? (["h4", "h5", "section"] as const) : (["h2", "h3", Card] as const);
  return (
    <Wrapper aria-labelledby={`my-consents-${programId}`} className="space-y-4">
      <div>
        <Title id={`my-consents-${programId}`} className="font-semibold">{t("yourConsentsTitle")}</Title>
        <p className="mt-1 text-sm text-muted">{t("yourConsentsIntro")}</p>
      </div>
      <ul className="divide-y divide-border">
        {consent.purposes.map((state) => (
          <li key={state.purpose} id={`consent-${programId}-${state.purpose}`} className="space-y-2 py-3" data-testid={`my-consent-${state.purpose}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Item className="font-medium">{t(`purpose.${state.purpose}`)}</Item>
              <Badge tone={TONE[state.status]}>{t(`status.${state.status}`)}</Badge>
            </div>
            {state.answeredVersion !== null && state.decidedAt && (
              <p className="text-xs text-muted">{t("answeredLine", { version: state.answeredVersion, date: format.dateTime(state.decidedAt, { dateStyle: "medium" }) })}</p>
            )}
            {state.text && (
              <details>
                <summary className="min-h-11 cursor-pointer py-2 text-sm text-primary">{t("readText")}</summary>
                <p className="text-xs text-muted">{t("currentVersion", { version: state.latestVersion ?? 1 })}</p>
                <p className="mt-1 text-sm whitespace-pre-line" data-user-content>{state.text}</p>
              </details>
            )}
            {state.purpose === "research" && <p className="text-sm text-muted">{t("researchLeaveHint")}</p>}
            {isOptionalPurpose(state.purpose) && state.status !== "not_offered" && (
              <ConsentDecisionForm
                action={action}
                hidden={{ orgId, kind, programId, purpose: state.purpose }}
                purposeLabel={t(`purpose.${state.purpose}`)}
                isGranted={state.isGranted}
                isWaiting={state.status === "needs_answer"}
                stateKey={`${state.status}:${state.answeredVersion}:${state.decidedAt?.toISOString() ?? ""}`}
                permalink={permalink?.(`consent-${programId}-${state.purpose}`)}
              />
            )}
          </li>
        ))}
      </ul>
    </Wrapper>
  );
}
