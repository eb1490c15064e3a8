import { issueApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKeyAsOperator } from "@/lib/api-keys/revoke-api-key";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { findOrganizationBySlug } from "@/lib/organizations/find-organization";
import { JSON_OPTION, report, text, UsageError, type Command } from "../command";

export const createApiKeyCommand: Command = {
  name: "apikey:create",
  summary: "create an API key with scopes; the key is printed this once",
  options: {
    org: { type: "string", help: "--org <slug>  the organization the key acts in", isRequired: true },
    name: { type: "string", help: "--name <name>  what the key is for, e.g. CI", isRequired: true },
    scopes: { type: "string", help: `--scopes <a,b>  comma-separated, of: ${API_SCOPES.join(", ")} (write implies read)`, isRequired: true },
    json: JSON_OPTION,
  },
  async run(values, context) {
    const scopes = text(values, "scopes").split(/[\s,]+/).filter(Boolean);
    const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(", ")}; choose from ${API_SCOPES.join(", ")}`);
    const input = createApiKeySchema.parse({ name: text(values, "name"), scopes });
    const db = await context.db();
    const organization = await findOrganizationBySlug(db, text(values, "org"));
    const key = await issueApiKey(db, organization.id, input, null);
    report(context, values, { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, secret: key.secret }, [
      `Created API key "${key.name}" in "${organization.name}" with ${key.scopes.join(", ")}.`,
      `  id: ${key.id}`,
      "Store the key now: it is shown this once and cannot be shown again.",
      key.secret,
    ]);
  },
};

export const revokeApiKeyCommand: Command = {
  name: "apikey:revoke",
  summary: "revoke an API key at once (its next request gets 401)",
  options: {
    org: { type: "string", help: "--org <slug>  the key's organization", isRequired: true },
    id: { type: "string", help: "--id <uuid>  the key's id (apikey:create prints it; the admin page lists keys)", isRequired: true },
    json: JSON_OPTION,
  },
  async run(values, context) {
    const db = await context.db();
    const organization = await findOrganizationBySlug(db, text(values, "org"));
    await revokeApiKeyAsOperator(db, organization.id, text(values, "id"));
    report(context, values, { id: text(values, "id"), revoked: true }, [`Revoked API key ${text(values, "id")}.`]);
  },
};
