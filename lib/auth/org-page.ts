import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/authz/require-permission";
import type { Permission } from "@/lib/authz/policy";
import { isAppError } from "@/lib/errors";
import { requireActor } from "./actor";

/**
 * For pages under /o/[org]: signs in, resolves the organization and checks the page's permission.
 * Another organization's pages answer 404; a page the role may not see answers 403.
 */
export const loadOrgPage = cache(async (orgSlug: string, permission: Permission, path = ""): Promise<OrgContext & { actor: { userId: string } }> => {
  const actor = await requireActor(`/o/${orgSlug}${path}`);
  try {
    return { actor, ...(await requirePermission(await getDb(), actor, { slug: orgSlug }, permission)) };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    if (isAppError(error)) notFound();
    throw error;
  }
});
