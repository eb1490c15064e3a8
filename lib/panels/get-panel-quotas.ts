import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { panelAttributes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { requireProgram } from "@/lib/programs/require-program";
import { compareQuotas } from "./compare-quotas";
import { attributeDefinitions, profileAttributes } from "./panel-attributes";
import { activePanelProfiles } from "./panel-members";

/** The panel's make-up among active members against its quotas, per built-in and organization attribute. */
export async function getPanelQuotas(db: Db, actor: Actor | null, orgId: string, panelId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const panel = await requireProgram(db, organization.id, panelId, "panel");
  const [members, custom] = await Promise.all([
    activePanelProfiles(db, panel.id),
    db.select({ key: panelAttributes.key, label: panelAttributes.label, values: panelAttributes.values }).from(panelAttributes).where(eq(panelAttributes.organizationId, organization.id)).orderBy(asc(panelAttributes.label)),
  ]);
  const attributes = compareQuotas(members.map((member) => profileAttributes(member.profile)), attributeDefinitions(custom), panel.panelQuotas);
  return { activeMembers: members.length, targetSize: panel.targetSize, attributes, gaps: attributes.flatMap((attribute) => attribute.rows.filter((row) => row.isGap).map((row) => ({ attribute: attribute.attribute, ...row }))) };
}
