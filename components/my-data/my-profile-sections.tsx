import { getFormatter, getTranslations } from "next-intl/server";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import { Badge } from "@/components/ui/card";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import type { MyData } from "@/lib/participants/my-data-types";
import { FoldingList, MyDataSection } from "./my-data-section";

type SegmentLabeler = ReturnType<typeof segmentLabeler>;

/**
 * What the organization keeps about a person, as they read it ("Region: North · Age: 35–44"), or
 * "none". A group of answers kept together (a council's own profile questions) is shown as its pairs.
 */
function Pairs({ values, none, labels }: { values: Record<string, unknown>; none: string; labels: SegmentLabeler }) {
  const pairs = Object.entries(values).flatMap(([key, value]): Array<[string, unknown]> => (typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : [[key, value]]));
  const shown = pairs.filter(([, value]) => value !== undefined && value !== null && value !== "");
  if (shown.length === 0) return <>{none}</>;
  const text = (key: string, value: unknown) => (Array.isArray(value) ? value.map((item) => labels.value(key, String(item))).join(", ") : labels.value(key, String(value)));
  return <span data-user-content>{shown.map(([key, value]) => `${labels.attribute(key)}: ${text(key, value)}`).join(" · ")}</span>;
}

/** The account, the membership of this organization, and the groups and consents that follow from it. */
export async function MyProfileSections({ data }: { data: MyData }) {
  const [t, tr, tKpis, tCouncils, format] = await Promise.all([getTranslations("myData"), getTranslations("roles"), getTranslations("kpis"), getTranslations("councils"), getFormatter()]);
  const labels = segmentLabeler(tKpis, tCouncils);
  const when = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  const day = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium" });
  const row = (label: string, value: React.ReactNode) => (
    <div className="sm:contents">
      <dt className="text-muted">{label}</dt>
      <dd className="mb-2 break-words sm:mb-0">{value}</dd>
    </div>
  );
  return (
    <>
      <MyDataSection id="account" title={t("accountTitle")}>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {row(t("nameLabel"), <span data-user-content>{data.account.name ?? "—"}</span>)}
          {row(t("emailLabel"), <span data-user-content>{data.account.email ?? "—"}</span>)}
          {row(t("languageLabel"), data.account.locale ? LOCALE_NAMES[data.account.locale] : "—")}
          {row(t("accountCreated"), when(data.account.createdAt))}
          {row(t("roleLabel"), tr(data.membership.role))}
          {row(t("memberSince"), when(data.membership.since))}
          {row(t("attributesLabel"), <Pairs values={data.membership.attributes} none={t("nothing")} labels={labels} />)}
        </dl>
      </MyDataSection>

      <MyDataSection id="groups" title={t("programsTitle")} count={data.programs.length}>
        <FoldingList
          items={data.programs}
          empty={t("programsEmpty")}
          render={(program) => (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium" data-user-content>{program.programName}</span>
                <Badge>{t(`kind_${program.kind}`)}</Badge>
                <Badge tone={program.status === "left" ? "warning" : program.status === "pending_consent" ? "neutral" : "success"}>{t(`status_${program.status}`)}</Badge>
              </p>
              <p className="text-muted">
                {program.joinedAt && t("joinedOn", { date: day(program.joinedAt) })}
                {program.leftAt && ` · ${t("leftOn", { date: day(program.leftAt) })}`}
              </p>
              {Object.keys(program.profile).length > 0 && (
                <p className="text-muted">{t("profileLabel")}: <Pairs values={program.profile} none={t("nothing")} labels={labels} /></p>
              )}
            </>
          )}
        />
      </MyDataSection>

      <MyDataSection id="consents" title={t("consentsTitle")} count={data.consents.length}>
        <FoldingList
          items={data.consents}
          empty={t("consentsEmpty")}
          render={(consent) => (
            <>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={consent.granted ? "success" : "danger"}>{consent.granted ? t("granted") : t("refused")}</Badge>
                <span className="font-medium">{t(`purpose_${consent.purpose}`)}</span>
              </p>
              <p className="text-muted">
                <span data-user-content>{consent.programName}</span> · {t("consentVersion", { version: consent.version })} · {when(consent.decidedAt)}
              </p>
              {consent.text ? (
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 text-primary">{t("consentText")}</summary>
                  <p className="whitespace-pre-wrap" data-user-content>{consent.text}</p>
                </details>
              ) : (
                <p className="text-muted">{t("consentTextMissing")}</p>
              )}
            </>
          )}
        />
      </MyDataSection>
    </>
  );
}
