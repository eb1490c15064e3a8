import { useTranslations } from "next-intl";
import type { ErasurePreview } from "@/lib/privacy/preview-erasure";

/** Exactly what an erasure will do under the organization's policy, for the person or for the admin acting for them. */
export function ErasureSummary({ preview, audience }: { preview: Pick<ErasurePreview, "policy" | "scope">; audience: "self" | "admin" }) {
  const t = useTranslations(`privacy.summary.${audience}`);
  const { scope, policy } = preview;
  const items = [
    t(policy === "delete" ? "responsesDeleted" : "responsesKept", { count: scope.responses }),
    t("inProgress", { count: scope.inProgress }),
    t(policy === "delete" ? "liveDeleted" : "liveKept", { count: scope.liveAnswers }),
    t("posts", { posts: scope.posts, reports: scope.reports }),
    t("quotes", { count: scope.quotes }),
    t("memberships"),
    t(scope.hasOtherOrganizations ? "accountKept" : "accountDeleted"),
  ];
  return (
    <div className="grid gap-2">
      <ul className="grid list-disc gap-2 pl-5 text-sm" data-testid="erasure-summary">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="text-sm font-semibold">{t("final")}</p>
    </div>
  );
}
