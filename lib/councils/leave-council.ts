import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { leaveProgram } from "@/lib/programs/leave-program";
import { councilIdSchema } from "./schemas";

/** A member leaves at any time: they stop receiving the council's surveys; what they already answered stays. */
export async function leaveCouncil(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { councilId } = councilIdSchema.parse(input);
  await leaveProgram(db, actor, orgId, "council", councilId, now);
}
