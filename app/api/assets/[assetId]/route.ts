// GET /api/assets/:assetId – an uploaded image, to members of its organization
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { getAsset } from "@/lib/assets/get-asset";
import { routeError } from "@/lib/http/route-error";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  try {
    const { assetId } = await params;
    const asset = await getAsset(await getDb(), await getActor(), assetId);
    // Assets never change once uploaded, so browsers may keep them; "private" keeps them off shared caches.
    return new Response(Buffer.from(asset.bytes), { headers: { "Content-Type": asset.contentType, "Cache-Control": "private, max-age=31536000, immutable" } });
  } catch (error) {
    return routeError(error);
  }
}
