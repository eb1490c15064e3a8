// GET /home – sends a signed-in person to the home of the organization they last used
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { LAST_ORG_COOKIE } from "@/lib/organizations/last-org-cookie";
import { resolveHome } from "@/lib/organizations/resolve-home";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await getActor();
  const target = actor ? await resolveHome(await getDb(), actor, (await cookies()).get(LAST_ORG_COOKIE)?.value) : "/signin";
  return NextResponse.redirect(new URL(target, request.url));
}
