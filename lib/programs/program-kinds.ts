import type { Permission } from "@/lib/authz/policy";

/** The programs customers are invited to and join with consent: advisory councils and focus-group panels. */
export type MemberProgramKind = "council" | "panel";

/** Who may run each kind of program: invitations, imports and settings. */
export const MANAGE_PERMISSION: Record<MemberProgramKind, Permission> = { council: "councils.manage", panel: "panels.manage" };

/** Each kind's catalog namespace, for its invitation mail. */
export const CATALOG_NAMESPACE: Record<MemberProgramKind, "councils" | "panels"> = { council: "councils", panel: "panels" };
