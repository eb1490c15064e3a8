import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The public origin for links in emails: AUTH_URL when configured, else the request's own host. */
export async function requestBaseUrl(): Promise<string> {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const headerStore = await headers();
  const host = headerStore.get("x-forwarded-host") ?? headerStore.get("host") ?? "localhost:3000";
  const proto = headerStore.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
