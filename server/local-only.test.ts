import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isRefusedLocalOnlyRequest } from "./local-only";

const request = (url: string, remoteAddress: string) => ({ url, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("isRefusedLocalOnlyRequest", () => {
  it("serves the dev mailbox to this machine only", () => {
    expect(isRefusedLocalOnlyRequest(request("/dev/mailbox", "127.0.0.1"))).toBe(false);
    expect(isRefusedLocalOnlyRequest(request("/dev/mailbox?x=1", "::1"))).toBe(false);
    expect(isRefusedLocalOnlyRequest(request("/dev/mailbox", "192.0.2.7"))).toBe(true);
    expect(isRefusedLocalOnlyRequest(request("/dev/mailbox/anything", "10.1.2.3"))).toBe(true);
  });

  it("moves the test clock for this machine only", () => {
    expect(isRefusedLocalOnlyRequest(request("/dev/clock", "127.0.0.1"))).toBe(false);
    expect(isRefusedLocalOnlyRequest(request("/dev/clock", "192.0.2.7"))).toBe(true);
  });

  it("cannot be bypassed by spelling the path another way", () => {
    for (const url of ["http://attune.example/dev/clock", "http://attune.example/dev/mailbox?x=1", "/dev/%63lock", "/dev/%6Dailbox", "//dev//clock", "/dev/clock/", "/DEV/Mailbox", "/dev\\clock", "/dev/mailbox#x"]) {
      expect(isRefusedLocalOnlyRequest(request(url, "192.0.2.7")), url).toBe(true);
    }
    expect(isRefusedLocalOnlyRequest(request("/dev/%E0%A4%A", "192.0.2.7"))).toBe(false);
  });

  it("leaves every other path alone", () => {
    expect(isRefusedLocalOnlyRequest(request("/signin", "192.0.2.7"))).toBe(false);
    expect(isRefusedLocalOnlyRequest(request("/dev/mailboxes", "192.0.2.7"))).toBe(false);
  });
});
