import { can, type Permission } from "./policy";
import type { Role } from "./roles";

export interface NavItem {
  key: "dashboard" | "campaigns" | "workspace" | "instruments" | "councils" | "panels" | "frontline" | "coding" | "insights" | "roster" | "reports" | "members" | "jobs" | "anonymity" | "privacy" | "apiKeys" | "webhooks" | "audit" | "portal" | "myData";
  href: string;
}

const SECTIONS: Array<{ key: NavItem["key"]; path: string; permission: Permission }> = [
  { key: "dashboard", path: "dashboard", permission: "dashboard.view" },
  { key: "campaigns", path: "campaigns", permission: "campaigns.manage" },
  { key: "workspace", path: "workspace", permission: "workspace.view" },
  { key: "instruments", path: "workspace/instruments", permission: "instruments.manage" },
  { key: "councils", path: "workspace/councils", permission: "councils.manage" },
  { key: "panels", path: "workspace/panels", permission: "panels.manage" },
  { key: "frontline", path: "workspace/frontline", permission: "frontline.manage" },
  { key: "coding", path: "workspace/coding", permission: "insights.code" },
  { key: "insights", path: "insights", permission: "insights.view" },
  { key: "roster", path: "workspace/roster", permission: "frontline.manage" },
  { key: "reports", path: "workspace/reports", permission: "frontline.manage" },
  { key: "members", path: "admin/members", permission: "members.view" },
  { key: "jobs", path: "admin/jobs", permission: "org.manage" },
  { key: "anonymity", path: "admin/anonymity", permission: "org.manage" },
  { key: "privacy", path: "admin/privacy", permission: "org.manage" },
  { key: "apiKeys", path: "admin/api-keys", permission: "apikeys.manage" },
  { key: "webhooks", path: "admin/webhooks", permission: "webhooks.manage" },
  { key: "audit", path: "admin/audit", permission: "audit.view" },
  { key: "portal", path: "portal", permission: "portal.view" },
  { key: "myData", path: "my-data", permission: "mydata.view" },
];

/** The sections a role sees, derived from the policy so a link never leads to a 403. */
export function navigationFor(orgSlug: string, role: Role): NavItem[] {
  return SECTIONS.filter((section) => can(role, section.permission)).map((section) => ({ key: section.key, href: `/o/${orgSlug}/${section.path}` }));
}
