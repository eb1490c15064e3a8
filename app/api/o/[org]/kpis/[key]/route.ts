// GET /api/o/[org]/kpis/[key]?by=language&period=2026-07-01 – one KPI's trend and segment split, anonymity rules applied
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { getKpiDetail } from "@/lib/kpis/get-kpi-detail";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ org: string; key: string }> }) {
  try {
    const { org, key } = await params;
    const search = new URL(request.url).searchParams;
    const detail = await getKpiDetail(await getDb(), await getActor(), { slug: org }, { key, by: search.get("by") ?? undefined, period: search.get("period") ?? undefined });
    return Response.json(detail, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
