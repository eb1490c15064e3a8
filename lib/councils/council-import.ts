import { parseCsvImport, type CsvImportSpec, type ImportPreview } from "@/lib/imports/parse-csv-import";
import { councilInviteeSchema, type CouncilInvitee } from "./schemas";

/** Server actions accept bodies up to 1 MB; a CSV of this size holds thousands of invitees. */
export const MAX_COUNCIL_IMPORT_BYTES = 900_000;

const COUNCIL_IMPORT: CsvImportSpec<CouncilInvitee> = {
  columns: { email: ["e-mail", "email address", "mail"], name: ["full name", "customer"], language: ["locale", "lang"] },
  required: ["email"],
  row: councilInviteeSchema.pick({ email: true, name: true }).extend({ language: councilInviteeSchema.shape.locale }).transform(({ language, ...row }) => ({ ...row, locale: language })),
  keyOf: (row) => row.email,
  maxRows: 2000,
};

/** Parses a CSV of invitees (email, name, language) without writing anything: the preview and the import use the same rows. */
export function previewCouncilImport(csv: string): ImportPreview<CouncilInvitee> {
  return parseCsvImport(csv, COUNCIL_IMPORT);
}
