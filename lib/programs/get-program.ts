import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { getCouncil } from "@/lib/councils/get-council";
import { AppError } from "@/lib/errors";
import { findFrontlineProgram } from "@/lib/frontline/get-frontline-program";
import { isUuid } from "@/lib/ids";
import { getPanel } from "@/lib/panels/get-panel";

/** The kind of one of the organization's programs; another organization's is NOT_FOUND. */
export async function programKind(db: Db, orgId: string, programId: string) {
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  const [program] = await db.select({ kind: programs.kind }).from(programs).where(and(eq(programs.id, programId), eq(programs.organizationId, orgId))).limit(1);
  if (!program) throw new AppError("NOT_FOUND", "notFound");
  return program.kind;
}

/** Any program of the organization by id, read by its own kind's reader (a council with its sessions, a panel, the frontline program). */
export async function getProgram(db: Db, actor: Actor | null, orgId: string, programId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "programs.view");
  const kind = await programKind(db, organization.id, programId);
  if (kind === "council") return { kind, ...(await getCouncil(db, actor, organization.id, programId)) };
  if (kind === "panel") return { kind, ...(await getPanel(db, actor, organization.id, programId)) };
  const frontline = await findFrontlineProgram(db, organization.id);
  if (!frontline) throw new AppError("NOT_FOUND", "notFound");
  return { kind, ...frontline };
}
