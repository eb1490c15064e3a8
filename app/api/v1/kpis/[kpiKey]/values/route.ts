// GET /api/v1/kpis/{kpiKey}/values?by=region&period=2026-07-01 – one KPI's series and split, anonymity rules applied
import { apiRoute } from "@/lib/api/api-route";
import * as operations from "@/lib/api/operations/kpis";
import { readKpiValues } from "@/lib/kpis/read-kpi-values";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getKpiValues, ({ db, actor, org, params, query }) => readKpiValues(db, actor, org, { key: params.kpiKey, ...query }));
