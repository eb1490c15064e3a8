import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { panelAttributes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { PROFILE_ATTRIBUTES, PROFILE_CHOICES } from "@/lib/councils/profile-choices";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { PanelAttributeDefinition } from "./compare-quotas";
import { panelAttributeSchema, type PanelAttributeInput } from "./schemas";

const COLUMNS = { id: panelAttributes.id, key: panelAttributes.key, label: panelAttributes.label, values: panelAttributes.values };

/** The organization's own profile attributes for panels, by label. */
export async function listPanelAttributes(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  return db.select(COLUMNS).from(panelAttributes).where(eq(panelAttributes.organizationId, organization.id)).orderBy(asc(panelAttributes.label));
}

/** Defines a new attribute, or changes the label and values of the one with the same key. */
export async function savePanelAttribute(db: Db, actor: Actor | null, orgId: string, input: PanelAttributeInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const attribute = panelAttributeSchema.parse(input);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(panelAttributes)
      .values({ organizationId: organization.id, ...attribute })
      .onConflictDoUpdate({ target: [panelAttributes.organizationId, panelAttributes.key], set: { label: attribute.label, values: attribute.values } })
      .returning(COLUMNS);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "panel.attribute_saved", targetType: "panel_attribute", targetId: saved.id, details: { key: saved.key } });
    return saved;
  });
}

/** Removes an attribute; answers members already gave stay in their profiles. */
export async function deletePanelAttribute(db: Db, actor: Actor | null, orgId: string, attributeId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  if (!isUuid(attributeId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(panelAttributes).where(and(eq(panelAttributes.id, attributeId), eq(panelAttributes.organizationId, organization.id))).returning({ key: panelAttributes.key });
    if (deleted.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "panel.attribute_deleted", targetType: "panel_attribute", targetId: attributeId, details: { key: deleted[0].key } });
  });
}

/** Every attribute a panel can set quotas on and balance samples by: the built-in profile, then the organization's own. */
export function attributeDefinitions(custom: Array<{ key: string; label: string; values: string[] }>): PanelAttributeDefinition[] {
  return [
    ...PROFILE_ATTRIBUTES.map((key) => ({ key, label: null, values: PROFILE_CHOICES[key], isCustom: false })),
    ...custom.map((attribute) => ({ key: attribute.key, label: attribute.label, values: attribute.values, isCustom: true })),
  ];
}

/** A member's profile flattened to attribute values: built-in ones and the organization's own. */
export function profileAttributes(profile: { region?: string; language?: string; ageBand?: string; tenure?: string; custom?: Record<string, string> }): Record<string, string | undefined> {
  return { ...profile.custom, region: profile.region, language: profile.language, ageBand: profile.ageBand, tenure: profile.tenure };
}
