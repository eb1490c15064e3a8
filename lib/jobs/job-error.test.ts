import { describe, expect, it } from "vitest";
import { describeJobError } from "./job-error";

describe("describeJobError", () => {
  it("keeps the cause but not the email addresses a mail server echoes back", () => {
    const error = new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <ana.kowalska@northwind.example>: Recipient address rejected (also bob+x@mail.example.pl)");
    const { message, log } = describeJobError(error);
    expect(message).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[email]>: Recipient address rejected (also [email])");
    expect(JSON.stringify(log)).not.toMatch(/kowalska|bob\+x/);
    expect(log.type).toBe("Error");
  });

  it("bounds what is stored and accepts things that are not errors", () => {
    expect(describeJobError("x".repeat(5000)).message).toHaveLength(2000);
    expect(describeJobError(42).message).toBe("42");
  });
});
