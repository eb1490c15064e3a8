// GET /api/o/:org/instruments/:instrumentId/responses/export?format=csv|xlsx|json – stream the filtered responses
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { EXPORT_FORMATS, prepareResponseExport } from "@/lib/responses/export-responses";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/responses/export-formats";
import { responseFiltersSchema } from "@/lib/responses/list-responses";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS);

export async function GET(request: Request, { params }: { params: Promise<{ org: string; instrumentId: string }> }) {
  try {
    const { org, instrumentId } = await params;
    const searchParams = Object.fromEntries(new URL(request.url).searchParams);
    const format = formatSchema.parse(searchParams.format ?? "csv");
    const filters = responseFiltersSchema.parse(searchParams);
    const { instrument, header, rows } = await prepareResponseExport(await getDb(), await getActor(), { slug: org }, instrumentId, filters, format);
    const filename = `${instrument.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "responses"}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return new Response(exportStream(format, header, rows()), {
      headers: {
        "Content-Type": EXPORT_CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="responses.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return routeError(error);
  }
}
