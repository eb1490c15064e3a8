import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PublicHeader } from "@/components/shell/public-header";
import { getDb } from "@/db/client";
import { isDevMailboxEnabled } from "@/lib/env";
import { listDevMail } from "@/lib/mail/list-dev-mail";

export const dynamic = "force-dynamic";

const LINK = /(https?:\/\/[^\s]+)/g;

// ?to=someone@example.com shows only that person's mail.
const querySchema = z.object({ to: z.string().trim().max(254).optional().catch(undefined) });

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!isDevMailboxEnabled) notFound();
  const { to } = querySchema.parse(await searchParams);
  const [t, format, mails] = await Promise.all([getTranslations("mailbox"), getFormatter(), listDevMail(await getDb(), { to: to || undefined })]);
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <PageHeader title={t("title")} />
        <Alert tone="warning">{t("description")}</Alert>
        <div className="mt-6 space-y-4">
          {mails.length === 0 && <EmptyState title={t("empty")} />}
          {mails.map((mail) => (
            <Card key={mail.id} aria-label={`${mail.subject} — ${mail.to}`} data-testid="mail">
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-muted">{t("to")}</dt>
                <dd data-testid="mail-to">{mail.to}</dd>
                <dt className="text-muted">{t("subject")}</dt>
                <dd className="font-medium">{mail.subject}</dd>
                <dt className="text-muted">{t("received")}</dt>
                <dd>{format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
              </dl>
              <p className="mt-3 text-sm break-words whitespace-pre-wrap">
                {mail.text.split(LINK).map((part, index) =>
                  part.match(LINK) ? (
                    <a key={index} href={part} className="font-medium text-primary underline" data-testid="mail-link">
                      {t("openLink")}
                    </a>
                  ) : (
                    <span key={index}>{part}</span>
                  ),
                )}
              </p>
            </Card>
          ))}
        </div>
      </main>
    </>
  );
}
