// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public API (no key needed)
import { buildOpenApiDocument } from "@/lib/api/openapi-document";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Access-Control-Allow-Origin": "*" } });
}
