// GET /api/v1/reference – the browsable API reference (no key needed)
import { referencePageHtml } from "@/lib/api/reference-page";

export const dynamic = "force-static";

export function GET() {
  return new Response(referencePageHtml(), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
