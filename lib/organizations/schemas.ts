import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ROLES } from "@/lib/authz/roles";

// Messages are catalog keys (namespace "errors"), shown translated by the form that failed.
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "emailInvalid" }).max(254, { message: "emailInvalid" }));

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(2, { message: "orgNameTooShort" }).max(80, { message: "orgNameTooLong" }),
  defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }).default("en"),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { message: "roleInvalid" }),
  locale: z.enum(LOCALES, { message: "localeInvalid" }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({
  membershipId: z.uuid({ message: "notFound" }),
  role: z.enum(ROLES, { message: "roleInvalid" }),
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const membershipIdSchema = z.object({ membershipId: z.uuid({ message: "notFound" }) });
export const invitationIdSchema = z.object({ invitationId: z.uuid({ message: "notFound" }) });
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "invitationInvalid" });
