import { describe, expect, it } from "vitest";
import { parseCsvImport } from "@/lib/imports/parse-csv-import";
import { normalizeManagerFlag, rosterImportSpec, rosterRowSchema } from "./roster-row";

describe("roster rows", () => {
  it("normalizes every accepted spelling of the manager flag to yes or no", () => {
    for (const value of ["yes", "Y", "TRUE", "1", " y "]) expect(normalizeManagerFlag(value)).toBe("yes");
    for (const value of ["no", "N", "false", "0"]) expect(normalizeManagerFlag(value)).toBe("no");
    expect(normalizeManagerFlag("maybe")).toBeNull();
  });

  it("lowercases the email, trims cells and leaves absent columns undefined", () => {
    expect(rosterRowSchema.parse({ email: " Ana@Example.COM ", name: " Ana Kowal ", manager: "TRUE" })).toEqual({ email: "ana@example.com", name: "Ana Kowal", manager: "yes" });
  });

  it("reports a bad email and a bad manager flag by line and column", () => {
    const csv = "Full Name,E-mail,Team,Site,Job title,Is manager\nAna,ana@example.com,Care,Riga,Agent,y\nBob,not-mail,Care,Riga,Agent,no\nCyd,cyd@example.com,Care,Riga,Agent,sometimes\n";
    const preview = parseCsvImport(csv, rosterImportSpec);
    expect(preview.rows).toEqual([{ email: "ana@example.com", name: "Ana", team: "Care", location: "Riga", role: "Agent", manager: "yes" }]);
    expect(preview.errors).toEqual([
      { line: 3, column: "email", messageKey: "emailInvalid" },
      { line: 4, column: "manager", messageKey: "rosterManagerInvalid" },
    ]);
  });
});
