import { describe, expect, it } from "vitest";
import { problemMessageKey, readProblem } from "./problem";

describe("readProblem", () => {
  it("reads a problem body, and an empty problem from a body that is not one", async () => {
    expect(await readProblem(Response.json({ title: "invalid", errors: { body: "tooLong" } }, { status: 422 }))).toEqual({ title: "invalid", errors: { body: "tooLong" } });
    expect(await readProblem(new Response("<html>Bad gateway</html>", { status: 502 }))).toEqual({});
    expect(await readProblem(new Response("null", { status: 500 }))).toEqual({});
  });
});

describe("problemMessageKey", () => {
  it("prefers the field's own message to the problem's title", () => {
    expect(problemMessageKey({ title: "invalid", errors: { body: "tooLong" } }, "body")).toBe("tooLong");
    expect(problemMessageKey({ title: "livePollClosed" }, "body")).toBe("livePollClosed");
    expect(problemMessageKey({ title: "livePollClosed", errors: { other: "required" } })).toBe("livePollClosed");
    expect(problemMessageKey({})).toBeUndefined();
  });
});
