import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** One section of the "my data" page: a labelled region with its heading and, for lists, how many records it holds. */
export async function MyDataSection({ id, title, count, intro, children }: { id: string; title: string; count?: number; intro?: string; children: React.ReactNode }) {
  const t = await getTranslations("myData");
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4" data-testid={`my-data-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
        {count !== undefined && <span className="ml-2 text-sm font-normal text-muted">({t("count", { count })})</span>}
      </h2>
      {intro && <p className="mt-1 text-sm text-muted">{intro}</p>}
      <div className="mt-3">{children}</div>
    </Card>
  );
}

/**
 * A list that folds away when it is long, so a phone shows every section's heading first; `total`
 * above what is shown says the rest is in the download.
 */
export async function FoldingList<T>({ items, total, empty, render }: { items: T[]; total?: number; empty: string; render: (item: T, index: number) => React.ReactNode }) {
  const t = await getTranslations("myData");
  if (items.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  const list = <ul className="divide-y divide-border text-sm">{items.map((item, index) => <li key={index} className="py-2 break-words">{render(item, index)}</li>)}</ul>;
  const more = total !== undefined && total > items.length ? <p className="mt-2 text-sm text-muted">{t("showingOf", { shown: items.length, total })} — {t("moreInDownload")}</p> : null;
  if (items.length <= 3) return <>{list}{more}</>;
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-primary">{t("showAll")}</summary>
      {list}
      {more}
    </details>
  );
}
