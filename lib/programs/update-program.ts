import "server-only";
import type { Db } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { getCouncil } from "@/lib/councils/get-council";
import { updateCouncil } from "@/lib/councils/update-council";
import { AppError } from "@/lib/errors";
import { configureFrontlineProgram } from "@/lib/frontline/configure-frontline-program";
import { findFrontlineProgram } from "@/lib/frontline/get-frontline-program";
import { getPanel } from "@/lib/panels/get-panel";
import { updatePanel } from "@/lib/panels/update-panel";
import { programKind } from "./get-program";

/** The settings each kind's own update takes; a patch may change any of them. */
export const PROGRAM_SETTINGS = {
  council: ["name", "purpose", "consentText", "defaultLocale", "cadence", "cadenceMonths", "openDay", "openForDays", "maxReminders", "reminderEveryDays", "targetSize", "compositionTargets"],
  panel: ["name", "purpose", "consentText", "defaultLocale", "targetSize", "panelQuotas"],
  frontline: ["openDay", "openForDays", "maxReminders", "reminderEveryDays", "isActive"],
} as const;

export type ProgramPatch = Record<string, unknown>;

/**
 * Changes some settings of a program: the patch is laid over the current settings and saved through
 * the kind's own update (same validation, consent versioning, rescheduling and audit as the app).
 * A setting the kind does not have is refused, not ignored.
 */
export async function updateProgram(db: Db, actor: Actor | null, orgId: string, programId: string, patch: ProgramPatch, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  const kind = await programKind(db, organization.id, programId);
  const allowed: readonly string[] = PROGRAM_SETTINGS[kind];
  const foreign = Object.keys(patch).filter((field) => patch[field] !== undefined && !allowed.includes(field));
  if (foreign.length > 0) throw new AppError("INVALID", "programSettingNotApplicable", Object.fromEntries(foreign.map((field) => [field, "programSettingNotApplicable"])));
  const pick = (current: Record<string, unknown>) => Object.fromEntries(allowed.map((field) => [field, patch[field] !== undefined ? patch[field] : current[field]]));

  if (kind === "council") {
    const current = await getCouncil(db, actor, organization.id, programId);
    await updateCouncil(db, actor, organization.id, { ...pick(current), councilId: programId } as never);
  } else if (kind === "panel") {
    const current = await getPanel(db, actor, organization.id, programId);
    await updatePanel(db, actor, organization.id, { ...pick(current), panelId: programId } as never);
  } else {
    const current = await findFrontlineProgram(db, organization.id);
    if (!current) throw new AppError("NOT_FOUND", "notFound");
    await configureFrontlineProgram(db, actor, organization.id, pick({ ...current, isActive: current.status === "active" }) as never, now);
  }
  return { id: programId };
}
