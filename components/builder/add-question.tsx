"use client";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { QUESTION_TYPES, localize, type QuestionType } from "@/lib/instruments/definition";
import { ITEM_BANK, type BankItem } from "@/lib/instruments/item-bank";
import type { Locale } from "@/lib/i18n/locales";

/** Adds a blank question of a type, or a standard item from the bank (shown in the reader's language), at the end. */
export function AddQuestion({ fallbackLocale, onAdd, onAddBank }: { fallbackLocale: Locale; onAdd: (type: QuestionType) => void; onAddBank: (item: BankItem) => void }) {
  const t = useTranslations("builder");
  const locale = useLocale() as Locale;
  return (
    <section aria-labelledby="add-heading" className="space-y-4 rounded-lg border border-dashed border-border bg-surface p-4">
      <h2 id="add-heading" tabIndex={-1} className="text-lg font-semibold">
        {t("addTitle")}
      </h2>
      <div role="group" aria-label={t("addByType")} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {QUESTION_TYPES.map((type) => (
          <Button key={type} variant="secondary" className="justify-start text-left" onClick={() => onAdd(type)}>
            <svg aria-hidden viewBox="0 0 24 24" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round">
              <path d="M12 5v14M5 12h14" />
            </svg>
            {t(`types.${type}`)}
          </Button>
        ))}
      </div>
      <div role="group" aria-labelledby="bank-heading" className="space-y-2">
        <h3 id="bank-heading" className="font-semibold">
          {t("itemBank")}
        </h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {ITEM_BANK.map((item) => (
            <li key={item.code}>
              <button type="button" onClick={() => onAddBank(item)} aria-label={t("insertBankItem", { code: item.code })} className="flex min-h-11 w-full flex-col items-start rounded-md border border-border bg-surface px-3 py-2 text-left hover:bg-accent">
                <span className="font-mono text-sm font-semibold">{item.code}</span>
                <span className="line-clamp-2 text-xs text-muted">{localize(item.question.prompt, locale, fallbackLocale)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
