import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database and the dev mailbox", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ATTUNE_DATA_DIR).toBe(".data/pglite");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.ATTUNE_SEED_DEMO).toBe(true);
  });

  it("treats an empty DATABASE_URL as unset and accepts a server URL", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/test");
  });

  it("names every invalid setting in one clear error", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url", AUTH_SECRET: "short", LOG_LEVEL: "loud" })).toThrow(/DATABASE_URL[\s\S]*AUTH_SECRET[\s\S]*LOG_LEVEL/);
  });

  it("requires the OpenID Connect settings together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.com" })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(parseEnv({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "attune", OIDC_CLIENT_SECRET: "s3cret" }).OIDC_CLIENT_ID).toBe("attune");
  });
});
