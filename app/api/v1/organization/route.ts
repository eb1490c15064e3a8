// GET /api/v1/organization – the API key's organization and scopes
import { apiRoute } from "@/lib/api/api-route";
import { getOrganization } from "@/lib/api/operations/organization";
import { requirePermission } from "@/lib/authz/require-permission";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getOrganization, async ({ db, actor, org }) => {
  const { organization } = await requirePermission(db, actor, org, "org.view");
  return { ...organization, scopes: actor.scopes };
});
