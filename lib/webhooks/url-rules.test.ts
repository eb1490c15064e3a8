import { describe, expect, it } from "vitest";
import { isAllowedAddress, webhookUrlProblem } from "./url-rules";

const strict = { allowLoopback: false };
const loopbackAllowed = { allowLoopback: true };

describe("webhookUrlProblem", () => {
  it("accepts public https URLs, with a port, path and query", () => {
    expect(webhookUrlProblem("https://hooks.example.com/attune", strict)).toBeNull();
    expect(webhookUrlProblem("https://hooks.example.com:8443/in?source=attune", strict)).toBeNull();
    expect(webhookUrlProblem("https://93.184.216.34/hook", strict)).toBeNull();
    expect(webhookUrlProblem("https://[2606:4700:4700::1111]/hook", strict)).toBeNull();
  });

  it("refuses what is not an http(s) URL at all", () => {
    expect(webhookUrlProblem("hooks.example.com", strict)).toBe("webhookUrlInvalid");
    expect(webhookUrlProblem("ftp://hooks.example.com/", strict)).toBe("webhookUrlHttps");
    expect(webhookUrlProblem("file:///etc/passwd", strict)).toBe("webhookUrlHttps");
    expect(webhookUrlProblem(`https://example.com/${"a".repeat(2000)}`, strict)).toBe("webhookUrlTooLong");
  });

  it("refuses plain http to the internet, even when loopback is allowed", () => {
    expect(webhookUrlProblem("http://hooks.example.com/", strict)).toBe("webhookUrlHttps");
    expect(webhookUrlProblem("http://hooks.example.com/", loopbackAllowed)).toBe("webhookUrlHttps");
  });

  it("refuses credentials in the URL", () => {
    expect(webhookUrlProblem("https://user:secret@hooks.example.com/", strict)).toBe("webhookUrlCredentials");
    expect(webhookUrlProblem("https://token@hooks.example.com/", strict)).toBe("webhookUrlCredentials");
  });

  it("refuses private, link-local, multicast, unspecified and other reserved addresses written out", () => {
    for (const host of ["10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "224.0.0.1", "0.0.0.0", "100.64.0.1", "255.255.255.255", "[fd00::1]", "[fe80::1]", "[ff02::1]", "[::]", "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]"]) {
      expect(webhookUrlProblem(`https://${host}/hook`, strict), host).toBe("webhookUrlAddress");
      expect(webhookUrlProblem(`https://${host}/hook`, loopbackAllowed), host).toBe("webhookUrlAddress");
    }
  });

  it("sees through other spellings of loopback (decimal, hex, IPv4-mapped IPv6)", () => {
    for (const url of ["https://127.0.0.1/", "https://2130706433/", "https://0x7f.0.0.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://localhost/", "https://api.localhost/"]) {
      expect(webhookUrlProblem(url, strict), url).toBe("webhookUrlAddress");
    }
  });

  it("allows loopback, over http too, only when the setting says so", () => {
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", strict)).toBe("webhookUrlHttps");
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", loopbackAllowed)).toBeNull();
    expect(webhookUrlProblem("http://localhost:4000/hook", loopbackAllowed)).toBeNull();
    expect(webhookUrlProblem("http://[::1]:4000/hook", loopbackAllowed)).toBeNull();
  });

  it("refuses names that only the server's own network could resolve", () => {
    expect(webhookUrlProblem("https://intranet/hook", strict)).toBe("webhookUrlHost");
    expect(webhookUrlProblem("https://printer.local/hook", strict)).toBe("webhookUrlHost");
    expect(webhookUrlProblem("https://db.internal/hook", strict)).toBe("webhookUrlHost");
  });
});

describe("isAllowedAddress (checked again for every address a name resolves to)", () => {
  it("allows public unicast addresses only", () => {
    expect(isAllowedAddress("93.184.216.34", strict)).toBe(true);
    expect(isAllowedAddress("2606:4700:4700::1111", strict)).toBe(true);
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "fe80::1", "fc00::1", "239.1.1.1", "ff02::1", "0.0.0.0", "::", "::ffff:192.168.0.1", "2002:a00:1::1", "not an address"]) {
      expect(isAllowedAddress(address, strict), address).toBe(false);
    }
  });

  it("allows loopback when the setting says so, and nothing else private", () => {
    expect(isAllowedAddress("127.0.0.1", loopbackAllowed)).toBe(true);
    expect(isAllowedAddress("::1", loopbackAllowed)).toBe(true);
    expect(isAllowedAddress("::ffff:127.0.0.1", loopbackAllowed)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", loopbackAllowed)).toBe(false);
  });
});
