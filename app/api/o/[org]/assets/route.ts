// POST /api/o/:org/assets – upload an image for a concept stimulus (multipart field "file")
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { uploadAsset } from "@/lib/assets/upload-asset";
import { AppError } from "@/lib/errors";
import { routeError } from "@/lib/http/route-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params;
    const file = (await request.formData().catch(() => null))?.get("file");
    if (!(file instanceof Blob)) throw new AppError("INVALID", "imageType", { file: "imageType" });
    const asset = await uploadAsset(await getDb(), await getActor(), { slug: org }, new Uint8Array(await file.arrayBuffer()));
    return Response.json(asset, { status: 201 });
  } catch (error) {
    return routeError(error);
  }
}
