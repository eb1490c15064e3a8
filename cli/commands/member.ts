import { env } from "@/lib/env";
import { ROLES } from "@/lib/authz/roles";
import { addMemberAsOperator, addMemberSchema } from "@/lib/organizations/add-member";
import { findOrganizationBySlug } from "@/lib/organizations/find-organization";
import { inviteMemberAsOperator } from "@/lib/organizations/invite-member";
import { inviteMemberSchema } from "@/lib/organizations/schemas";
import { JSON_OPTION, optionalText, report, text, type Command, type OptionSpec } from "../command";

const ORG: OptionSpec = { type: "string", help: "--org <slug>  the organization", isRequired: true };
const EMAIL: OptionSpec = { type: "string", help: "--email <email>  the person's email address", isRequired: true };
const ROLE: OptionSpec = { type: "string", help: `--role <${ROLES.join("|")}>`, isRequired: true };

export const createMemberCommand: Command = {
  name: "member:create",
  summary: "make a person a member with a role at once (creates their account if needed); they sign in with the email",
  options: { org: ORG, email: EMAIL, role: ROLE, name: { type: "string", help: "--name <name>  their name, for a new account" }, json: JSON_OPTION },
  async run(values, context) {
    const input = addMemberSchema.parse({ email: text(values, "email"), role: text(values, "role"), name: optionalText(values, "name") });
    const db = await context.db();
    const organization = await findOrganizationBySlug(db, text(values, "org"));
    const member = await addMemberAsOperator(db, organization.id, input);
    report(context, values, member, [
      `${member.email} is now a member of "${organization.name}" as ${member.role}${member.isNewAccount ? " (new account)" : ""}.`,
      `  membership id: ${member.membershipId}`,
    ]);
  },
};

export const inviteMemberCommand: Command = {
  name: "member:invite",
  summary: "email an invitation with a role, as the admins' members page does",
  options: {
    org: ORG,
    email: EMAIL,
    role: ROLE,
    locale: { type: "string", help: "--locale <en|pl|ru>  the invitation's language (default: the organization's)" },
    "base-url": { type: "string", help: "--base-url <url>  the app's public address for the link (default AUTH_URL, else http://localhost:3000)" },
    json: JSON_OPTION,
  },
  async run(values, context) {
    const baseUrl = optionalText(values, "base-url") ?? env.AUTH_URL ?? "http://localhost:3000";
    const raw = { email: text(values, "email"), role: text(values, "role"), locale: optionalText(values, "locale") };
    inviteMemberSchema.partial({ locale: true }).parse(raw);
    const db = await context.db();
    const organization = await findOrganizationBySlug(db, text(values, "org"));
    const invitation = await inviteMemberAsOperator(db, organization, inviteMemberSchema.parse({ ...raw, locale: raw.locale ?? organization.defaultLocale }), baseUrl);
    report(context, values, { invitationId: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() }, [
      `Invitation sent to ${invitation.email} as ${invitation.role}; it expires ${invitation.expiresAt.toISOString()}.`,
      env.SMTP_URL ? "" : "No SMTP_URL is set: the mail is in the dev mailbox (/dev/mailbox).",
    ].filter(Boolean));
  },
};
