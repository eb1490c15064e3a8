import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./my-data-cursor";

describe("my data cursors", () => {
  it("read back the position they were made from", () => {
    const cursor = { micros: "1794819600123456", id: "6f1c7d2e-2b8e-4c55-9d0a-3c1e1f0a9b77" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ micros: "0", id: "1234" }))).toEqual({ micros: "0", id: "1234" });
  });

  it("turn anything malformed into the start of the list", () => {
    const encoded = (text: string) => Buffer.from(text).toString("base64url");
    for (const value of [undefined, null, "", "not base64 at all", encoded("yesterday|abc"), encoded("1794819600|a'); drop table x;--"), encoded("1794819600|a|b"), encoded("1794819600|")]) {
      expect(decodeCursor(value)).toBeNull();
    }
  });
});
