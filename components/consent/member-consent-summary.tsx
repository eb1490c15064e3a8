import { getTranslations } from "next-intl/server";
import type { PurposeState } from "@/lib/consent/consent-state";

/** One member's state per purpose, compact, for the researcher's members table. */
export async function MemberConsentSummary({ states }: { states: readonly PurposeState[] }) {
  const t = await getTranslations("consent");
  return (
    <ul className="text-xs" data-testid="member-consents">
      {states.map((state) => (
        <li key={state.purpose} data-purpose={state.purpose} data-status={state.status}>
          <span className="text-muted">{t(`purpose.${state.purpose}`)}:</span> <span className={state.status === "needs_answer" ? "font-medium text-warning" : undefined}>{t(`statusShort.${state.status}`)}</span>
        </li>
      ))}
    </ul>
  );
}
