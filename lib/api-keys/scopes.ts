import { z } from "zod";

/** The resource families of the public API; a key holds read or write (which implies read) per family. */
export const API_FAMILIES = ["programs", "instruments", "responses", "participants", "kpis", "campaigns", "decisions", "insights"] as const;
export type ApiFamily = (typeof API_FAMILIES)[number];
export type ApiAccess = "read" | "write";
export type ApiScope = `${ApiFamily}:${ApiAccess}`;

/** Families whose API is read-only: a write scope for them would grant nothing. */
export const READ_ONLY_FAMILIES: readonly ApiFamily[] = ["kpis", "insights"];

export const API_SCOPES: ApiScope[] = API_FAMILIES.flatMap((family) =>
  READ_ONLY_FAMILIES.includes(family) ? [`${family}:read` as const] : ([`${family}:read`, `${family}:write`] as const),
);

export const apiScopeSchema = z.enum(API_SCOPES as [ApiScope, ...ApiScope[]]);

/** True when the granted scopes allow `needed`: the same scope, or write for a read. */
export function grantsScope(granted: readonly string[], needed: ApiScope): boolean {
  if (granted.includes(needed)) return true;
  const [family, access] = needed.split(":") as [ApiFamily, ApiAccess];
  return access === "read" && granted.includes(`${family}:write`);
}

/** Keeps the strongest scope per family and drops unknown ones, in the order of API_SCOPES. */
export function normalizeScopes(scopes: readonly string[]): ApiScope[] {
  const wanted = new Set(scopes.filter((scope) => (API_SCOPES as readonly string[]).includes(scope)));
  return API_SCOPES.filter((scope) => {
    if (!wanted.has(scope)) return false;
    const [family, access] = scope.split(":");
    return access === "write" || !wanted.has(`${family}:write`);
  });
}
