import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/authz/require-permission";
import { auth } from "./auth";

/** The signed-in user of this request, read once per request. */
export const getSessionUser = cache(async () => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

export async function getActor(): Promise<Actor | null> {
  const user = await getSessionUser();
  return user ? { userId: user.id } : null;
}

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
