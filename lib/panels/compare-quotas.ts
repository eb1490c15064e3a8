import type { PanelQuota } from "@/db/schema/programs";

/** An attribute a panel member can be described by: built-in profile ones and the organization's own. */
export interface PanelAttributeDefinition {
  key: string;
  /** The organization's label for its own attribute; built-in ones are labelled from the catalog. */
  label: string | null;
  values: readonly string[];
  isCustom: boolean;
}

export interface QuotaRow {
  value: string;
  count: number;
  /** 0–100 of the active members who gave this attribute. */
  actualShare: number;
  minShare: number | null;
  /** Below its quota: a value to recruit for. */
  isGap: boolean;
}

export interface QuotaAttribute {
  attribute: PanelAttributeDefinition;
  answered: number;
  rows: QuotaRow[];
}

/** The panel's actual share per attribute value among active members against its representation quotas. */
export function compareQuotas(members: Array<Record<string, string | undefined>>, definitions: PanelAttributeDefinition[], quotas: PanelQuota[]): QuotaAttribute[] {
  return definitions.map((attribute) => {
    const given = members.map((member) => member[attribute.key]).filter((value): value is string => Boolean(value));
    const rows = attribute.values.map((value) => {
      const count = given.filter((answer) => answer === value).length;
      const actualShare = given.length > 0 ? (count / given.length) * 100 : 0;
      const minShare = quotas.find((quota) => quota.attribute === attribute.key && quota.value === value)?.minShare ?? null;
      return { value, count, actualShare, minShare, isGap: minShare !== null && minShare > 0 && actualShare < minShare };
    });
    return { attribute, answered: given.length, rows };
  });
}
