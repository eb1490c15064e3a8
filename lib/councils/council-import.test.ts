import { describe, expect, it } from "vitest";
import { previewCouncilImport } from "./council-import";
import { compositionTargetsFromForm } from "./schemas";
import { firstSessionOn } from "./first-session";

describe("previewCouncilImport", () => {
  it("accepts header aliases, merges duplicates by email and reports bad rows by line and column", () => {
    const preview = previewCouncilImport("E-mail;Full name;Lang\nA@x.test;Ann;pl\nbad;B;en\na@x.test;;\nc@x.test;C;xx\n");
    expect(preview.rows).toEqual([{ email: "a@x.test", name: "Ann", locale: "pl" }]);
    expect(preview.mergedDuplicates).toBe(1);
    expect(preview.errors).toEqual([
      { line: 3, column: "email", messageKey: "emailInvalid" },
      { line: 5, column: "language", messageKey: "localeInvalid" },
    ]);
  });

  it("imports nothing when the email column is missing", () => {
    const preview = previewCouncilImport("name,language\nAnn,pl\n");
    expect(preview.missingColumns).toEqual(["email"]);
    expect(preview.rows).toEqual([]);
  });
});

describe("council form helpers", () => {
  it("reads target inputs and ignores blank ones", () => {
    expect(compositionTargetsFromForm({ "target.region.north": "40", "target.region.south": " ", name: "x", "target.tenure.over5": "12.5" })).toEqual([
      { attribute: "region", value: "north", share: 40 },
      { attribute: "tenure", value: "over5", share: 12.5 },
    ]);
  });

  it("starts on the chosen date, or on the open day of next quarter", () => {
    expect(firstSessionOn("2027-05-20", 1, new Date("2027-01-01T00:00:00Z"))).toEqual(new Date("2027-05-20T08:00:00Z"));
    expect(firstSessionOn(undefined, 1, new Date("2027-02-10T12:00:00Z"))).toEqual(new Date("2027-04-01T08:00:00Z"));
    expect(firstSessionOn(undefined, 5, new Date("2027-11-30T12:00:00Z"))).toEqual(new Date("2028-01-05T08:00:00Z"));
  });
});
