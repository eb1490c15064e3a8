"use client";
import { useTranslations } from "next-intl";
import { ROLES, type Role } from "@/lib/authz/roles";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { RowActionForm } from "./row-action-form";

export function MemberRowActions({ orgId, membershipId, email, role }: { orgId: string; membershipId: string; email: string; role: Role }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  return (
    <div className="flex items-start gap-3">
      <RowActionForm action={changeMemberRoleAction} hidden={{ orgId, membershipId }}>
        {(isPending) => (
          <>
            <label className="sr-only" htmlFor={`role-${membershipId}`}>
              {t("changeRoleFor", { email })}
            </label>
            <select id={`role-${membershipId}`} name="role" defaultValue={role} className="min-h-10 rounded-md border border-border bg-surface px-2 text-sm">
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {tr(option)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={isPending} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
              {t("changeRole")}
            </button>
          </>
        )}
      </RowActionForm>
      <RowActionForm action={removeMemberAction} hidden={{ orgId, membershipId }}>
        {(isPending) => (
          <button type="submit" disabled={isPending} aria-label={t("removeFor", { email })} className="min-h-10 rounded-md border border-danger px-3 text-sm text-danger hover:bg-danger-bg">
            {t("remove")}
          </button>
        )}
      </RowActionForm>
    </div>
  );
}

export function InvitationRowActions({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const t = useTranslations("members");
  return (
    <RowActionForm action={revokeInvitationAction} hidden={{ orgId, invitationId }}>
      {(isPending) => (
        <button type="submit" disabled={isPending} aria-label={t("revokeFor", { email })} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
          {t("revoke")}
        </button>
      )}
    </RowActionForm>
  );
}
