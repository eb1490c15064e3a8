// GET /api/v1/reference/[asset] – the reference page's script and style sheet
import { readReferenceAsset } from "@/lib/api/reference-page";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const asset = await readReferenceAsset((await params).asset);
  if (!asset) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(new Uint8Array(asset.body), { headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=86400" } });
}
