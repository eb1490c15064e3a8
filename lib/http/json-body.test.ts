import { describe, expect, it } from "vitest";
import { readJsonRequest } from "./json-body";

const post = (body: BodyInit, headers: Record<string, string> = { "Content-Type": "application/json" }) => new Request("http://localhost/api/o/northwind/live/x/posts", { method: "POST", body, headers });

describe("readJsonRequest", () => {
  it("reads a JSON body within its limit", async () => {
    expect(await readJsonRequest(post('{"body":"Hello"}'), 64)).toEqual({ body: "Hello" });
    expect(await readJsonRequest(post("[1]", { "Content-Type": "application/json; charset=utf-8" }), 64)).toEqual([1]);
  });

  it("refuses what another site's form could send, bodies past the limit and broken JSON", async () => {
    await expect(readJsonRequest(post('{"body":"Hello"}', { "Content-Type": "text/plain" }), 64)).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", messageKey: "jsonRequired" });
    await expect(readJsonRequest(post('{"body":"Hello"}', {}), 64)).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(readJsonRequest(post(JSON.stringify({ body: "x".repeat(100) })), 64)).rejects.toMatchObject({ code: "TOO_LARGE", messageKey: "bodyTooLarge" });
    // A body that does not announce its length is counted as it arrives.
    const stream = new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(`"${"x".repeat(100)}"`)), controller.close()) });
    await expect(readJsonRequest(new Request("http://localhost/", { method: "POST", body: stream, headers: { "Content-Type": "application/json" }, duplex: "half" } as RequestInit), 64)).rejects.toMatchObject({ code: "TOO_LARGE" });
    await expect(readJsonRequest(post("{"), 64)).rejects.toMatchObject({ code: "INVALID", messageKey: "jsonInvalid" });
  });
});
