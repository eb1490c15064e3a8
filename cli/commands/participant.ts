import { writeFileSync } from "node:fs";
import path from "node:path";
import { findOrganizationBySlug } from "@/lib/organizations/find-organization";
import { exportPersonDataAsOperator, exportPersonDataSchema } from "@/lib/participants/export-my-data";
import { erasePersonAsOperator, erasePersonAsOperatorSchema } from "@/lib/privacy/erase-person";
import { JSON_OPTION, optionalText, report, text, UsageError, type Command } from "../command";

export const exportParticipantCommand: Command = {
  name: "participant:export",
  summary: "everything Attune holds about a member, as their own \"My data\" download",
  options: {
    org: { type: "string", help: "--org <slug>  the organization", isRequired: true },
    email: { type: "string", help: "--email <email>  the member's email address", isRequired: true },
    out: { type: "string", help: "--out <file>  write the file there (readable by you only); default: stdout" },
    format: { type: "string", help: "--format <json|html>  the JSON document or the readable summary (default json)" },
    locale: { type: "string", help: "--locale <en|pl|ru>  the language (default: the person's)" },
  },
  async run(values, context) {
    const input = exportPersonDataSchema.parse({ email: text(values, "email"), format: optionalText(values, "format"), locale: optionalText(values, "locale") });
    const db = await context.db();
    const exported = await exportPersonDataAsOperator(db, await findOrganizationBySlug(db, text(values, "org")), input);
    const out = optionalText(values, "out");
    if (!out) return context.out(exported.body);
    const file = path.resolve(context.cwd, out);
    // Personal data: the file is readable by its owner only.
    writeFileSync(file, exported.body, { mode: 0o600 });
    context.err(`Wrote ${file}\n`);
  },
};

export const eraseParticipantCommand: Command = {
  name: "participant:erase",
  summary: "erase a participant or frontline member on request, as the admins' privacy page does",
  options: {
    org: { type: "string", help: "--org <slug>  the organization", isRequired: true },
    email: { type: "string", help: "--email <email>  the member's email address", isRequired: true },
    reference: { type: "string", help: "--reference <text>  your request's reference, kept in the audit log" },
    confirm: { type: "boolean", help: "--confirm  required: erasure cannot be undone" },
    json: JSON_OPTION,
  },
  async run(values, context) {
    const input = erasePersonAsOperatorSchema.parse({ email: text(values, "email"), reference: optionalText(values, "reference") });
    if (values.confirm !== true) throw new UsageError("erasure cannot be undone: add --confirm to erase this person");
    const db = await context.db();
    const organization = await findOrganizationBySlug(db, text(values, "org"));
    const receipt = await erasePersonAsOperator(db, organization.id, input);
    report(context, values, receipt, [
      `Erased ${input.email} (${receipt.policy === "delete" ? "responses deleted" : "responses kept anonymously"}: ${receipt.responses}, posts: ${receipt.posts}, reports: ${receipt.reports}${receipt.isAccountDeleted ? "; the account is deleted" : ""}).`,
      `  receipt: ${receipt.receiptId}`,
    ]);
  },
};
