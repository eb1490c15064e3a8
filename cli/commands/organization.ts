import { createOrganizationAsOperator, createOrganizationAsOperatorSchema } from "@/lib/organizations/create-organization";
import { JSON_OPTION, optionalText, report, text, type Command } from "../command";

export const createOrganizationCommand: Command = {
  name: "org:create",
  summary: "create an organization (prints its id and slug), optionally with a first admin",
  options: {
    name: { type: "string", help: "--name <name>  the organization's name (2–80 characters)", isRequired: true },
    locale: { type: "string", help: "--locale <en|pl|ru>  its default language (default en)" },
    "admin-email": { type: "string", help: "--admin-email <email>  make this person its first admin (the account is created if needed)" },
    json: JSON_OPTION,
  },
  fieldOptions: { defaultLocale: "--locale", adminEmail: "--admin-email" },
  async run(values, context) {
    const input = createOrganizationAsOperatorSchema.parse({ name: text(values, "name"), defaultLocale: optionalText(values, "locale"), adminEmail: optionalText(values, "admin-email") });
    const organization = await createOrganizationAsOperator(await context.db(), input);
    const admin = organization.admin && { userId: organization.admin.userId, email: organization.admin.email, membershipId: organization.admin.membershipId };
    report(context, values, { id: organization.id, slug: organization.slug, name: organization.name, defaultLocale: organization.defaultLocale, admin }, [
      `Created organization "${organization.name}".`,
      `  id:   ${organization.id}`,
      `  slug: ${organization.slug}`,
      ...(admin ? [`  admin: ${admin.email}`] : []),
    ]);
  },
};
