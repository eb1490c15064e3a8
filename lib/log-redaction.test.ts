import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { redactError, withoutQueryValues } from "./log-redaction";

function failedInsert() {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
    name: "PostgresError",
    code: "23505",
    detail: "Key (email)=(ola@example.test) already exists.",
    constraint_name: "users_email_unique",
    table_name: "users",
  });
  return new DrizzleQueryError('insert into "users" ("email", "name") values ($1, $2)', ["ola@example.test", "Ola Nowak"], cause);
}

describe("log redaction", () => {
  it("keeps a failed query's statement, code and constraint but none of its values", () => {
    const logged = JSON.stringify(redactError(failedInsert()));
    expect(logged).toContain('insert into \\"users\\"');
    expect(logged).toContain("23505");
    expect(logged).toContain("users_email_unique");
    expect(logged).not.toContain("ola@example.test");
    expect(logged).not.toContain("Ola Nowak");
  });

  it("writes nothing identifying through a pino logger with the serializer", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => { lines.push(String(chunk)); done(); } });
    const logger = pino({ serializers: { err: redactError } }, sink);
    logger.error({ err: failedInsert() }, "server action failed");
    expect(lines.join("")).toContain("Failed query");
    expect(lines.join("")).not.toMatch(/ola@example\.test|Ola Nowak/);
  });

  it("gives Next's own error printing an error without values, and leaves other values alone", () => {
    const safe = withoutQueryValues(Object.assign(failedInsert(), { digest: "123" })) as Error & { digest: string };
    expect(safe).toBeInstanceOf(Error);
    expect(`${safe.message}${safe.stack}`).not.toContain("ola@example.test");
    expect(safe.digest).toBe("123");
    const plain = new Error("plain");
    expect(withoutQueryValues(plain)).toBe(plain);
    expect(withoutQueryValues("text")).toBe("text");
  });
});
