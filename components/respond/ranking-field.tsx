"use client";
import { useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

interface RankingFieldProps {
  baseId: string;
  choices: Array<{ id: string; label: string }>;
  value: string[] | undefined;
  onChange: (value: string[]) => void;
  describedBy?: string;
}

/**
 * An ordered list with Move up / Move down buttons: works by keyboard, touch and screen reader,
 * and announces each new position. Until the person moves or confirms, nothing is answered.
 */
export function RankingField({ baseId, choices, value, onChange, describedBy }: RankingFieldProps) {
  const t = useTranslations("respond");
  const [announcement, setAnnouncement] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  const order = value && value.length === choices.length && value.every((id) => byId.has(id)) ? value : choices.map((choice) => choice.id);

  function move(index: number, offset: -1 | 1) {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved);
    onChange(next);
    const position = index + offset + 1;
    setAnnouncement(t("rankingMoved", { label: byId.get(moved)!.label, position, count: next.length }));
    // Keep focus on the moved item; at either end switch to the button that still works.
    const direction = position === 1 ? "down" : position === next.length ? "up" : offset === -1 ? "up" : "down";
    requestAnimationFrame(() => buttons.current.get(`${moved}-${direction}`)?.focus());
  }

  return (
    <div className="space-y-3">
      <p id={`${baseId}-ranking-hint`} className="text-sm text-muted">
        {t("rankingHint")}
      </p>
      <ol className="space-y-2" aria-describedby={[describedBy, `${baseId}-ranking-hint`].filter(Boolean).join(" ")}>
        {order.map((id, index) => {
          const label = byId.get(id)!.label;
          return (
            <li key={id} className="flex min-h-14 items-center gap-3 rounded-lg border border-border bg-surface py-1.5 pl-4 pr-1.5">
              <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent text-sm font-semibold">
                {index + 1}
              </span>
              <span className="min-w-0 flex-1 text-base">{label}</span>
              <span className="flex shrink-0 gap-1">
                {(["up", "down"] as const).map((direction) => {
                  const isDisabled = direction === "up" ? index === 0 : index === order.length - 1;
                  return (
                    <button
                      key={direction}
                      type="button"
                      ref={(element) => {
                        if (element) buttons.current.set(`${id}-${direction}`, element);
                        else buttons.current.delete(`${id}-${direction}`);
                      }}
                      onClick={() => move(index, direction === "up" ? -1 : 1)}
                      disabled={isDisabled}
                      aria-label={t(direction === "up" ? "moveUp" : "moveDown", { label })}
                      className="flex size-11 items-center justify-center rounded-md border border-border text-lg hover:bg-accent disabled:opacity-40"
                    >
                      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                    </button>
                  );
                })}
              </span>
            </li>
          );
        })}
      </ol>
      {!value && (
        <Button variant="secondary" onClick={() => onChange(order)}>
          {t("rankingConfirm")}
        </Button>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
