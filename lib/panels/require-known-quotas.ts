import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { panelAttributes } from "@/db/schema";
import type { PanelQuota } from "@/db/schema/programs";
import { AppError } from "@/lib/errors";
import { attributeDefinitions } from "./panel-attributes";

/** Quotas may only name a value of a built-in attribute or of one of the organization's own. */
export async function requireKnownQuotas(db: Db, orgId: string, quotas: PanelQuota[]) {
  if (quotas.length === 0) return;
  const custom = await db.select({ key: panelAttributes.key, label: panelAttributes.label, values: panelAttributes.values }).from(panelAttributes).where(eq(panelAttributes.organizationId, orgId));
  const definitions = attributeDefinitions(custom);
  const isKnown = (quota: PanelQuota) => definitions.some((definition) => definition.key === quota.attribute && definition.values.includes(quota.value));
  if (!quotas.every(isKnown)) throw new AppError("INVALID", "quotaInvalid", { panelQuotas: "quotaInvalid" });
}
