"use client";
import { useTranslations } from "next-intl";
import { ROLES, type Role } from "@/lib/authz/roles";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { RowActionForm } from "./row-action-form";

const BUTTON = "min-h-10 rounded-md border px-3 text-sm";

export function MemberRoleForm({ orgId, membershipId, email, role }: { orgId: string; membershipId: string; email: string; role: Role }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  return (
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
          <button type="submit" disabled={isPending} className={`${BUTTON} border-border hover:bg-accent`}>
            {t("changeRole")}
          </button>
        </>
      )}
    </RowActionForm>
  );
}

export function RemoveMemberForm({ orgId, membershipId, email }: { orgId: string; membershipId: string; email: string }) {
  const t = useTranslations("members");
  return (
    <RowActionForm action={removeMemberAction} hidden={{ orgId, membershipId }}>
      {(isPending) => (
        <button
          type="submit"
          disabled={isPending}
          aria-label={t("removeFor", { email })}
          onClick={(event) => {
            if (!window.confirm(t("removeConfirm", { email }))) event.preventDefault();
          }}
          className={`${BUTTON} border-danger text-danger hover:bg-danger-bg`}>
          {t("remove")}
        </button>
      )}
    </RowActionForm>
  );
}

export function InvitationRowActions({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const t = useTranslations("members");
  return (
    <RowActionForm action={revokeInvitationAction} hidden={{ orgId, invitationId }}>
      {(isPending) => (
        <button type="submit" disabled={isPending} aria-label={t("revokeFor", { email })} className={`${BUTTON} border-border hover:bg-accent`}>
          {t("revoke")}
        </button>
      )}
    </RowActionForm>
  );
}
