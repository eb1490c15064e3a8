import "server-only";
import type { Db } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { createCouncil } from "@/lib/councils/create-council";
import type { CreateCouncilInput } from "@/lib/councils/schemas";
import { AppError } from "@/lib/errors";
import { configureFrontlineProgram } from "@/lib/frontline/configure-frontline-program";
import { findFrontlineProgram } from "@/lib/frontline/get-frontline-program";
import type { ConfigureFrontlineProgramInput } from "@/lib/frontline/schemas";
import { createPanel } from "@/lib/panels/create-panel";
import type { PanelSettingsInput } from "@/lib/panels/schemas";

export type CreateProgramInput =
  | ({ kind: "council" } & CreateCouncilInput)
  | ({ kind: "panel" } & PanelSettingsInput)
  | ({ kind: "frontline" } & ConfigureFrontlineProgramInput);

/**
 * Creates a program of any kind through that kind's own use case (same validation, consent texts,
 * schedule and audit as the app). An organization has one frontline program: a second is a CONFLICT.
 */
export async function createProgram(db: Db, actor: Actor | null, orgId: string, input: CreateProgramInput, now = new Date()): Promise<{ id: string }> {
  const { kind, ...settings } = input;
  if (kind === "council") return createCouncil(db, actor, orgId, settings as CreateCouncilInput, now);
  if (kind === "panel") return createPanel(db, actor, orgId, settings as PanelSettingsInput, now);
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  // Asked before configuring: configuring an existing frontline program would silently reschedule it.
  if (await findFrontlineProgram(db, organization.id)) throw new AppError("CONFLICT", "frontlineProgramExists");
  const { programId } = await configureFrontlineProgram(db, actor, orgId, settings as ConfigureFrontlineProgramInput, now);
  return { id: programId };
}
