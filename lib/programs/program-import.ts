import { z } from "zod";
import { parseCsvImport, type CsvImportSpec, type ImportPreview } from "@/lib/imports/parse-csv-import";
import { LOCALES } from "@/lib/i18n/locales";
import { emailSchema } from "@/lib/organizations/schemas";

/** Someone invited to a council or a panel: their address, and optionally a name and the language of their mail. */
export const programInviteeSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120, { message: "nameTooLong" }).optional(),
  locale: z.enum(LOCALES, { message: "localeInvalid" }).optional(),
});
export type ProgramInvitee = z.infer<typeof programInviteeSchema>;

const PROGRAM_IMPORT: CsvImportSpec<ProgramInvitee> = {
  columns: { email: ["e-mail", "email address", "mail"], name: ["full name", "customer"], language: ["locale", "lang"] },
  required: ["email"],
  row: programInviteeSchema.pick({ email: true, name: true }).extend({ language: programInviteeSchema.shape.locale }).transform(({ language, ...row }) => ({ ...row, locale: language })),
  keyOf: (row) => row.email,
  maxRows: 2000,
};

/** Parses a CSV of invitees (email, name, language) without writing anything: the preview and the import use the same rows. */
export function previewProgramImport(csv: string): ImportPreview<ProgramInvitee> {
  return parseCsvImport(csv, PROGRAM_IMPORT);
}
