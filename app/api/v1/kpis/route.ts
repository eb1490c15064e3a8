// GET /api/v1/kpis – every KPI with its latest value, n, interval, target and status
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/kpis";
import { listKpiValues } from "@/lib/kpis/read-kpi-values";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listKpis, ({ db, actor, org }) => listKpiValues(db, actor, org));
