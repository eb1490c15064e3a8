// GET /api/o/:org/my-data?format=json|html – everything Attune holds about the signed-in person here, as a download
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { exportMyData, exportMyDataSchema } from "@/lib/participants/export-my-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params;
    const input = exportMyDataSchema.parse({ format: new URL(request.url).searchParams.get("format") ?? undefined, locale: await getLocale() });
    const { filename, contentType, body } = await exportMyData(await getDb(), await getActor(), { slug: org }, input);
    return new Response(body, {
      headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    return routeError(error);
  }
}
