import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CycleStatusBadge } from "@/components/cycles/cycle-status-badge";
import { FiguresCard } from "@/components/cycles/figures-card";
import { buttonClasses } from "@/components/ui/button";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getCycleDetail } from "@/lib/cycles/get-cycle-detail";
import { isAppError } from "@/lib/errors";
import { MemoEditor } from "./memo-editor";

export default async function CyclePage({ params }: { params: Promise<{ org: string; programId: string; cycleId: string }> }) {
  const { org, programId, cycleId } = await params;
  const { organization, actor } = await loadOrgPage(org, "workspace.view", `/workspace/programs/${programId}/cycles/${cycleId}`);
  const [t, tm, format] = await Promise.all([getTranslations("cycles"), getTranslations("memos"), getFormatter()]);
  const detail = await getCycleDetail(await getDb(), actor, organization.id, programId, cycleId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { program, cycle, figures, answers, memo } = detail;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long", timeZone: "UTC" });
  const isCouncil = program.kind === "council";
  const backHref = isCouncil ? `/o/${org}/workspace/councils/${program.id}` : `/o/${org}/workspace/frontline`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={backHref} className="text-primary underline">{t("backToProgram", { program: program.name })}</Link>
      </p>
      <PageHeader
        title={t("cycleTitle", { program: program.name, period: format.dateTime(cycle.opensAt, { month: "long", year: "numeric", timeZone: "UTC" }) })}
        description={t("cycleDates", { opens: date(cycle.opensAt), closes: date(cycle.closesAt) })}
        actions={<CycleStatusBadge status={cycle.status} />}
      />
      <div className="space-y-6">
        <FiguresCard figures={figures} />
        {isCouncil && cycle.instrumentId && (
          <Link href={`/o/${org}/workspace/instruments/${cycle.instrumentId}/responses`} className={buttonClasses("secondary")}>
            {t("viewResponses")}
          </Link>
        )}
        {!isCouncil && <Alert tone="warning">{t("frontlineAnonymous")}</Alert>}
        {isCouncil && (
          <Card aria-labelledby="memo-title-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="memo-title-heading" className="text-lg font-semibold">{tm("title")}</h2>
              {memo && <Badge tone={memo.status === "published" ? "success" : "neutral"}>{tm(`status_${memo.status}`)}</Badge>}
            </div>
            <p className="mb-4 text-sm text-muted">{tm("description")}</p>
            {detail.canWriteMemo ? (
              <MemoEditor
                orgId={organization.id}
                programId={program.id}
                cycleId={cycle.id}
                isPublished={memo?.status === "published"}
                memo={{ title: memo?.title ?? "", body: memo?.body ?? "", quoteKeys: (memo?.quotes ?? []).map((quote) => `${quote.responseId}/${quote.questionId}`) }}
                answers={answers.map((answer) => ({ key: `${answer.responseId}/${answer.questionId}`, question: answer.question, text: answer.text }))}
              />
            ) : (
              <p className="text-sm">{tm("notYet")}</p>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
