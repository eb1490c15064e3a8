import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { getPanel } from "@/lib/panels/get-panel";

/** The panel pages' shared load: the researcher's context and the panel, or a 404 for another organization's. */
export const loadPanelPage = cache(async (orgSlug: string, panelId: string, path = "") => {
  const context = await loadOrgPage(orgSlug, "panels.manage", `/workspace/panels/${panelId}${path}`);
  try {
    return { ...context, panel: await getPanel(await getDb(), context.actor, context.organization.id, panelId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
