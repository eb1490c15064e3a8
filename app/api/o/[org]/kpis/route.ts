// GET /api/o/[org]/kpis – the organization's KPIs with value, n, 95% interval, trend and status
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { routeError } from "@/lib/http/route-error";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params;
    return Response.json(await getKpiOverview(await getDb(), await getActor(), { slug: org }), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
