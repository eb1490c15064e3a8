import { getTranslations } from "next-intl/server";

/** What a program promised its data will never be used for, as members read it. */
export async function PromisesList({ title, promises, headingLevel = 2, id = "data-use-promises" }: { title: string; promises: readonly string[]; headingLevel?: 2 | 4; id?: string }) {
  const t = await getTranslations("consent");
  const Heading = headingLevel === 2 ? "h2" : "h4";
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid="data-use-promises">
      <Heading id={id} className="font-semibold">{title}</Heading>
      {promises.length === 0 ? (
        <p className="text-sm text-muted">{t("noPromises")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {promises.map((promise) => <li key={promise}>{t(`promise.${promise}` as never)}</li>)}
        </ul>
      )}
    </section>
  );
}
