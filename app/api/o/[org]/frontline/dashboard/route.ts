// GET /api/o/:org/frontline/dashboard?team=&location=&cycle= – the frontline dashboard, anonymity rules applied
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { getFrontlineDashboard } from "@/lib/frontline/frontline-dashboard";
import { routeError } from "@/lib/http/route-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  try {
    const { org } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const dashboard = await getFrontlineDashboard(await getDb(), await getActor(), { slug: org }, query);
    return Response.json(dashboard, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return routeError(error);
  }
}
