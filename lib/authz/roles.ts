export const ROLES = ["admin", "leader", "researcher", "frontline", "participant"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles whose home is the portal (customers and frontline staff): they answer, they do not run research. */
export function isPortalRole(role: Role): boolean {
  return role === "participant" || role === "frontline";
}
