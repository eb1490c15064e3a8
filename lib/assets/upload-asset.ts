import "server-only";
import type { Db } from "@/db/client";
import { assets } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

export const MAX_ASSET_BYTES = 2 * 1024 * 1024;

// The type is read from the file's first bytes, never taken from the client's claim.
const SIGNATURES: Array<{ type: string; matches: (bytes: Uint8Array) => boolean }> = [
  { type: "image/png", matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/gif", matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { type: "image/webp", matches: (b) => String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP" },
];

export function imageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}

/**
 * Checks and stores an image (PNG, JPEG, GIF or WebP, at most 2 MB) for a caller that has checked
 * access, inside its transaction; a refusal names `field` so a form can show it by the file input.
 */
export async function storeImage(db: Db, owner: { organizationId: string; userId: string }, bytes: Uint8Array, field = "file") {
  if (bytes.length === 0) throw new AppError("INVALID", "imageType", { [field]: "imageType" });
  if (bytes.length > MAX_ASSET_BYTES) throw new AppError("INVALID", "imageTooLarge", { [field]: "imageTooLarge" });
  const contentType = imageType(bytes);
  if (!contentType) throw new AppError("INVALID", "imageType", { [field]: "imageType" });
  const [asset] = await db.insert(assets).values({ organizationId: owner.organizationId, contentType, size: bytes.length, bytes: Buffer.from(bytes), createdByUserId: owner.userId }).returning({ id: assets.id });
  return { id: asset.id, url: `/api/assets/${asset.id}` };
}

/** Stores an image for concept stimuli and returns its URL. */
export async function uploadAsset(db: Db, actor: Actor | null, org: OrgRef, bytes: Uint8Array) {
  const { organization, userId } = await requirePermission(db, actor, org, "instruments.manage");
  return storeImage(db, { organizationId: organization.id, userId }, bytes);
}
