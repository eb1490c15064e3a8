import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, PageHeader } from "@/components/ui/card";
import { FRONTLINE_ANSWERS_ANONYMOUS } from "@/lib/responses/list-responses";
import { isAppError } from "@/lib/errors";

/** True for the refusal to show a frontline pulse's answers one by one. */
export function isAnonymousAnswersError(error: unknown): boolean {
  return isAppError(error) && error.messageKey === FRONTLINE_ANSWERS_ANONYMOUS;
}

/** Shown instead of a frontline pulse's responses: why they are hidden and where the aggregate lives. */
export async function AnonymousAnswersNotice({ orgSlug }: { orgSlug: string }) {
  const [t, errors] = await Promise.all([getTranslations("anonymity"), getTranslations("errors")]);
  return (
    <>
      <PageHeader title={t("responsesHiddenTitle")} />
      <Alert tone="warning">
        <p>{errors(FRONTLINE_ANSWERS_ANONYMOUS)}</p>
        <p className="mt-2">
          <Link href={`/o/${orgSlug}/dashboard/frontline`} className="font-medium underline">{t("openFrontlineDashboard")}</Link>
        </p>
      </Alert>
    </>
  );
}
