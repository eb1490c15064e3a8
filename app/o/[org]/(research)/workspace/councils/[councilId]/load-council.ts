import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getCouncil } from "@/lib/councils/get-council";
import { isAppError } from "@/lib/errors";

/** The council pages' shared load: the researcher's context and the council, or a 404 for another organization's. */
export const loadCouncilPage = cache(async (orgSlug: string, councilId: string, path = "") => {
  const context = await loadOrgPage(orgSlug, "councils.manage", `/workspace/councils/${councilId}${path}`);
  try {
    return { ...context, council: await getCouncil(await getDb(), context.actor, context.organization.id, councilId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
