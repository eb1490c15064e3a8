import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** An uploaded image, for members of its organization only; anyone else finds nothing. */
export async function getAsset(db: Db, actor: Actor | null, assetId: string) {
  if (!isUuid(assetId)) throw new AppError("NOT_FOUND", "notFound");
  const [asset] = await db.select({ organizationId: assets.organizationId, contentType: assets.contentType, bytes: assets.bytes }).from(assets).where(eq(assets.id, assetId));
  if (!asset) throw new AppError("NOT_FOUND", "notFound");
  await requirePermission(db, actor, { id: asset.organizationId }, "org.view");
  return { contentType: asset.contentType, bytes: asset.bytes };
}
