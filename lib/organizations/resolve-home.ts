import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { homePath } from "@/lib/authz/policy";
import { listMyOrganizations } from "./list-my-organizations";

/** Where a signed-in person starts: the organization they used last, else the one they joined first; none means /orgs. */
export async function resolveHome(db: Db, actor: Actor, lastOrgSlug: string | undefined): Promise<string> {
  const organizations = await listMyOrganizations(db, actor);
  const firstJoined = organizations.toSorted((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())[0];
  const chosen = organizations.find((org) => org.slug === lastOrgSlug) ?? firstJoined;
  return chosen ? homePath(chosen.slug, chosen.role) : "/orgs";
}
