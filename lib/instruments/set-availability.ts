import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { setAvailabilitySchema, type SetAvailabilityInput } from "./schemas";

/** Opens or closes a published instrument to its audience (customers, frontline staff or both). */
export async function setAvailability(db: Db, actor: Actor | null, orgId: string, input: SetAvailabilityInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  const { instrumentId, isOpen, audience } = setAvailabilitySchema.parse(input);
  const [instrument] = await db
    .select({ latestVersion: instruments.latestVersion })
    .from(instruments)
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, organization.id)));
  if (!instrument) throw new AppError("NOT_FOUND", "notFound");
  if (isOpen && instrument.latestVersion === 0) throw new AppError("CONFLICT", "openUnpublished");
  await db.update(instruments).set({ isOpen, audience, updatedAt: new Date() }).where(eq(instruments.id, instrumentId));
}
