import { grantsScope, type ApiScope } from "@/lib/api-keys/scopes";
import type { Role } from "./roles";

/**
 * The one authorization policy: which role may do what inside its organization.
 * Every page, route handler and server action asks `can` (through `requirePermission`).
 */
export const PERMISSIONS = {
  "org.view": ["admin", "leader", "researcher", "frontline", "participant"],
  "org.manage": ["admin"],
  "members.view": ["admin"],
  "members.manage": ["admin"],
  "audit.view": ["admin"],
  "apikeys.manage": ["admin"],
  "webhooks.manage": ["admin"],
  "dashboard.view": ["admin", "leader", "researcher"],
  "scorecard.view": ["admin", "leader"],
  "kpis.manage": ["admin", "leader", "researcher"],
  "decisions.record": ["admin", "leader"],
  "campaigns.manage": ["admin", "leader", "researcher"],
  "workspace.view": ["admin", "researcher"],
  "instruments.manage": ["admin", "researcher"],
  "councils.manage": ["admin", "researcher"],
  "frontline.manage": ["admin", "researcher"],
  "panels.manage": ["admin", "researcher"],
  "responses.view": ["admin", "researcher"],
  "responses.export": ["admin", "researcher"],
  "live.moderate": ["admin", "researcher"],
  "live.observe": ["admin", "leader", "researcher"],
  "insights.code": ["admin", "researcher"],
  "insights.view": ["admin", "leader", "researcher"],
  "frontline.submit": ["frontline"],
  "instruments.respond": ["frontline", "participant"],
  "portal.view": ["frontline", "participant"],
  "mydata.view": ["admin", "leader", "researcher", "frontline", "participant"],
  // Reads that the app grants through the managing permissions above; the API scopes them apart.
  "programs.view": ["admin", "researcher"],
  "instruments.view": ["admin", "researcher"],
  "campaigns.view": ["admin", "leader", "researcher"],
  "decisions.view": ["admin", "leader", "researcher"],
  "participants.view": ["admin", "researcher"],
  "participants.manage": ["admin", "researcher"],
  /** Submitting answers on a participant's behalf: other systems only, through an API key. */
  "responses.submit": [],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * What an API key needs for each permission it may use: a scope, or "any" for reading the
 * organization itself. A permission missing here is never granted to a key (members, audit,
 * keys and webhooks are managed by people only).
 */
export const API_KEY_SCOPES_BY_PERMISSION: Partial<Record<Permission, ApiScope | "any">> = {
  "org.view": "any",
  "workspace.view": "programs:read",
  "councils.manage": "programs:write",
  "frontline.manage": "programs:write",
  "panels.manage": "programs:write",
  "instruments.manage": "instruments:write",
  "responses.view": "responses:read",
  "responses.export": "responses:read",
  "dashboard.view": "kpis:read",
  "scorecard.view": "kpis:read",
  "campaigns.manage": "campaigns:write",
  "decisions.record": "decisions:write",
  "insights.view": "insights:read",
  "programs.view": "programs:read",
  "instruments.view": "instruments:read",
  "campaigns.view": "campaigns:read",
  "decisions.view": "decisions:read",
  "participants.view": "participants:read",
  "participants.manage": "participants:write",
  "responses.submit": "responses:write",
};

export function apiKeyCan(scopes: readonly string[], permission: Permission): boolean {
  const needed = API_KEY_SCOPES_BY_PERMISSION[permission];
  if (!needed) return false;
  return needed === "any" || grantsScope(scopes, needed);
}

/** Where each role starts after signing in to an organization. */
export function homePath(orgSlug: string, role: Role): string {
  const section: Record<Role, string> = {
    admin: "admin/members",
    leader: "dashboard",
    researcher: "workspace",
    frontline: "portal",
    participant: "portal",
  };
  return `/o/${orgSlug}/${section[role]}`;
}
