import { z } from "zod";
import type { CsvImportSpec } from "@/lib/imports/parse-csv-import";
import { emailSchema } from "@/lib/organizations/schemas";

/** The staff attributes the roster owns in `memberships.attributes`; other keys (e.g. tenure) are left alone. */
export const ROSTER_ATTRIBUTES = ["team", "location", "role", "manager"] as const;
export const ROSTER_COLUMNS = ["name", "email", "team", "location", "role", "manager"] as const;
export const MAX_ROSTER_ROWS = 5000;

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/** Spreadsheets spell a flag many ways; the roster stores "yes" or "no". */
export function normalizeManagerFlag(value: string): "yes" | "no" | null {
  const lowered = value.trim().toLowerCase();
  if (YES.has(lowered)) return "yes";
  if (NO.has(lowered)) return "no";
  return null;
}

const attribute = (tooLong: string) => z.string().trim().max(80, { message: tooLong }).optional();

// Messages are catalog keys (namespace "errors"), shown by line and column in the preview.
export const rosterRowSchema = z.object({
  email: z.string({ message: "emailInvalid" }).pipe(emailSchema),
  name: z.string().trim().max(120, { message: "nameTooLong" }).optional(),
  team: attribute("rosterValueTooLong"),
  location: attribute("rosterValueTooLong"),
  role: attribute("rosterValueTooLong"),
  manager: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const flag = normalizeManagerFlag(value);
      if (!flag) context.addIssue({ code: "custom", message: "rosterManagerInvalid" });
      return flag ?? undefined;
    }),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const rosterImportSpec: CsvImportSpec<RosterRow> = {
  columns: {
    name: ["full name", "full_name"],
    email: ["e-mail", "email address", "work email"],
    team: ["department"],
    location: ["site", "store", "office"],
    role: ["job title", "position", "title"],
    manager: ["is manager", "is_manager", "manager flag", "people manager"],
  },
  required: ["email"],
  row: rosterRowSchema,
  keyOf: (row) => row.email,
  maxRows: MAX_ROSTER_ROWS,
};
