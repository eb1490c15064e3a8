import "server-only";
import { getTranslations } from "next-intl/server";
import type { PanelAttributeDefinition } from "@/lib/panels/compare-quotas";

export interface LabelledAttribute {
  key: string;
  label: string;
  isCustom: boolean;
  values: Array<{ value: string; label: string }>;
}

/** Built-in attributes read their labels from the councils' catalog; the organization's own show what the researcher typed. */
export async function labelAttributes(definitions: PanelAttributeDefinition[]): Promise<LabelledAttribute[]> {
  const t = await getTranslations("councils");
  return definitions.map((definition) => ({
    key: definition.key,
    isCustom: definition.isCustom,
    label: definition.label ?? t(`attribute.${definition.key}` as never),
    values: definition.values.map((value) => ({ value, label: definition.isCustom ? value : t(`choice.${definition.key}.${value}` as never) })),
  }));
}
