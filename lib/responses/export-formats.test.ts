import { describe, expect, it } from "vitest";
import { exportStream } from "./export-formats";
import { spreadsheetSafe } from "./spreadsheet-safe";

async function* rowsOf(rows: Array<Array<string | number | null>>) {
  yield* rows;
}

describe("CSV export against formula injection", () => {
  it("writes formula-like text as text and leaves numbers alone", async () => {
    const csv = await new Response(
      exportStream("csv", ["=HYPERLINK(\"http://evil.test\",\"Click\")", "team", "score"], rowsOf([["=HYPERLINK(\"http://evil.test\",\"x\")", "+Care", -3], ["@SUM(A1)", "-1+2", 4], ["\tTab", "Normal", null]])),
    ).text();
    const lines = csv.replace("\uFEFF", "").trim().split("\n");
    expect(lines[0]).toBe(`"'=HYPERLINK(""http://evil.test"",""Click"")",team,score`);
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")",'+Care,-3`);
    expect(lines[2]).toBe("'@SUM(A1),'-1+2,4");
    expect(lines[3]).toBe("'\tTab,Normal,");
  });

  it("only touches text that starts like a formula", () => {
    expect(spreadsheetSafe("Ana = Care")).toBe("Ana = Care");
    expect(spreadsheetSafe("=1+1")).toBe("'=1+1");
    expect(spreadsheetSafe(-5)).toBe(-5);
    expect(spreadsheetSafe(null)).toBeNull();
  });
});
