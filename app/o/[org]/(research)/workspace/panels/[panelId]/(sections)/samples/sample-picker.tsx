"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { LabelledAttribute } from "@/components/panels/attribute-labels";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { previewSampleAction, saveSampleAction, type SamplePreview } from "../../../actions";

/** Size and balance-on → a preview of the balanced draw (nothing saved) → a name → saved with the same seed. */
export function SamplePicker({ orgId, panelId, attributes }: { orgId: string; panelId: string; attributes: LabelledAttribute[] }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [size, setSize] = useState("12");
  const [balanceOn, setBalanceOn] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<SamplePreview | null>(null);
  const [error, setError] = useState<{ key: string; fields: Record<string, string> } | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const labelOf = (attribute: string, value?: string) => {
    const found = attributes.find((candidate) => candidate.key === attribute);
    return value === undefined ? found?.label ?? attribute : found?.values.find((candidate) => candidate.value === value)?.label ?? value;
  };

  function toggle(key: string, isChecked: boolean) {
    setPreview(null);
    setBalanceOn((current) => (isChecked ? [...current, key] : current.filter((attribute) => attribute !== key)));
  }

  function draw(event: React.FormEvent) {
    event.preventDefault();
    setSavedName(null);
    startTransition(async () => {
      const result = await previewSampleAction(orgId, panelId, { size, balanceOn });
      if (result.status === "error") return setError({ key: result.error, fields: result.fieldErrors ?? {} });
      setError(null);
      setPreview(result.preview);
    });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (!preview) return;
    startTransition(async () => {
      const result = await saveSampleAction(orgId, panelId, { size: String(preview.size), balanceOn: preview.balanceOn, seed: preview.seed, name });
      if (result.status === "error") return setError({ key: result.error, fields: result.fieldErrors ?? {} });
      setError(null);
      setPreview(null);
      setName("");
      setSavedName(result.status === "success" ? result.message ?? "" : "");
    });
  }

  return (
    <div className="space-y-5">
      <form onSubmit={draw} className="space-y-4" noValidate>
        <TextField id="sample-size" name="size" type="number" inputMode="numeric" min={1} max={10000} required label={t("sampleSizeLabel")} value={size} onChange={(event) => { setSize(event.target.value); setPreview(null); }} error={error?.fields.size && te(error.fields.size)} className="max-w-xs" />
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("balanceOnLegend")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {attributes.map((attribute) => (
              <div key={attribute.key} className="flex items-center gap-2">
                <input id={`balance-${attribute.key}`} type="checkbox" className="size-5" checked={balanceOn.includes(attribute.key)} onChange={(event) => toggle(attribute.key, event.target.checked)} />
                <label htmlFor={`balance-${attribute.key}`} className="min-h-10 py-2 text-sm">{attribute.label}</label>
              </div>
            ))}
          </div>
          {error?.fields.balanceOn && <p className="mt-1 text-sm text-danger">{te(error.fields.balanceOn)}</p>}
        </fieldset>
        <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>
          {isPending && !preview ? t("drawing") : t("drawPreview")}
        </Button>
      </form>
      <div aria-live="polite" className="space-y-3">
        {error && Object.keys(error.fields).length === 0 && <Alert>{te(error.key)}</Alert>}
        {savedName !== null && <Alert tone="success">{t("sampleSaved", { name: savedName })}</Alert>}
        {preview && (
          <section aria-labelledby="sample-preview-title" className="space-y-3 rounded-md border border-border p-3" data-testid="sample-preview">
            <h3 id="sample-preview-title" className="font-semibold">{t("previewTitle")}</h3>
            <p className="text-sm" data-testid="sample-selected">{t("previewSelected", { selected: preview.selected, size: preview.size, available: preview.available })}</p>
            {preview.selected < preview.size && <Alert tone="warning">{t("previewShort")}</Alert>}
            {preview.excluded > 0 && <p className="text-sm text-muted">{t("previewExcluded", { count: preview.excluded })}</p>}
            {preview.balance.length > 0 && (
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {preview.balance.map((row) => (
                  <li key={`${row.attribute}.${row.value}`} data-testid={`sample-balance-${row.attribute}-${row.value}`} className={row.achieved < Math.floor(row.requested) ? "text-warning" : undefined}>
                    {t("balanceLine", { attribute: labelOf(row.attribute), value: labelOf(row.attribute, row.value), achieved: row.achieved, requested: row.requested })}
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={save} className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <TextField id="sample-name" name="name" required maxLength={120} autoComplete="off" label={t("sampleNameLabel")} value={name} onChange={(event) => setName(event.target.value)} error={error?.fields.name && te(error.fields.name)} className="flex-1" />
              <Button type="submit" className="sm:mt-6" disabled={isPending || preview.selected === 0} aria-busy={isPending}>
                {t("sampleSave")}
              </Button>
            </form>
          </section>
        )}
      </div>
    </div>
  );
}
