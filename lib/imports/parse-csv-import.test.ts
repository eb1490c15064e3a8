import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsvImport } from "./parse-csv-import";

const spec = {
  columns: { email: ["e-mail", "email address"], name: ["full name"], region: [] },
  required: ["email"],
  row: z.object({
    email: z.string({ message: "emailInvalid" }).trim().toLowerCase().pipe(z.email({ message: "emailInvalid" })),
    name: z.string().max(80, { message: "nameTooLong" }).optional(),
    region: z.enum(["north", "south"], { message: "regionInvalid" }).optional(),
  }),
  keyOf: (row: { email: string }) => row.email,
  maxRows: 5,
};

describe("parseCsvImport", () => {
  it("maps header spellings, reports bad rows by line and column, and merges duplicates by key", () => {
    const csv = "E-mail,Full Name,Region\nana@example.com,Ana,north\nnot-an-email,Bob,south\nANA@example.com,,south\ncyd@example.com,Cyd,west\n";
    const preview = parseCsvImport(csv, spec);
    expect(preview.missingColumns).toEqual([]);
    expect(preview.dataRows).toBe(4);
    expect(preview.rows).toEqual([{ email: "ana@example.com", name: "Ana", region: "south" }]);
    expect(preview.mergedDuplicates).toBe(1);
    expect(preview.errors).toEqual([
      { line: 3, column: "email", messageKey: "emailInvalid" },
      { line: 5, column: "region", messageKey: "regionInvalid" },
    ]);
  });

  it("imports nothing when a required column is missing or the file is too long", () => {
    expect(parseCsvImport("name\nAna\n", spec)).toMatchObject({ rows: [], missingColumns: ["email"] });
    const long = ["email", ...Array.from({ length: 6 }, (_, i) => `p${i}@example.com`)].join("\n");
    expect(parseCsvImport(long, spec)).toMatchObject({ rows: [], errors: [{ messageKey: "importTooManyRows" }] });
  });

  it("accepts a byte-order mark, quoted commas and blank lines", () => {
    const preview = parseCsvImport('\uFEFFemail,name\n\n"dee@example.com","Dee, Jr."\n\n', spec);
    expect(preview.rows).toEqual([{ email: "dee@example.com", name: "Dee, Jr." }]);
    expect(preview.errors).toEqual([]);
  });
});
