import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Role } from "@/lib/authz/roles";

/** Counts of the people behind the organization's programmes. */
export async function PeopleSummary({ counts }: { counts: Record<Role, number> }) {
  const [t, tr, format] = await Promise.all([getTranslations("people"), getTranslations("roles"), getFormatter()]);
  const shown: Role[] = ["participant", "frontline", "researcher", "leader"];
  return (
    <Card aria-labelledby="people-summary-title">
      <h2 id="people-summary-title" className="text-lg font-semibold">{t("title")}</h2>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {shown.map((role) => (
          <div key={role}>
            <dt className="text-sm text-muted">{tr(role)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{format.number(counts[role])}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
