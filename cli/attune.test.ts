import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { main } from "./attune";
import { describeError } from "./errors";

/** Runs a command line that must fail or print help before any database is opened. */
async function attune(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { cwd: "/", out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe("the command line's argument handling", () => {
  it("lists the commands, and a command's options with --help", async () => {
    const overview = await attune("--help");
    expect(overview).toMatchObject({ code: 0, stderr: "" });
    for (const command of ["migrate", "seed-demo", "org:create", "member:create", "member:invite", "apikey:create", "apikey:revoke", "participant:export", "participant:erase"]) expect(overview.stdout).toContain(command);
    const help = await attune("apikey:create", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--scopes <a,b>");
    expect(help.stdout).toContain("kpis:read");
  });

  it("refuses unknown commands and options, missing and invalid values, with exit code 1 and the reason on stderr", async () => {
    expect(await attune()).toMatchObject({ code: 1 });
    expect(await attune("org:delete")).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "org:delete"') });
    expect(await attune("org:create", "--name", "Acme", "--colour", "red")).toMatchObject({ code: 1, stderr: expect.stringContaining("Unknown option '--colour'") });
    expect(await attune("member:create", "--org", "acme", "--email", "a@b.example")).toMatchObject({ code: 1, stderr: expect.stringContaining("missing --role") });
    expect(await attune("org:create", "--name", "A", "--locale", "de")).toMatchObject({ code: 1, stderr: expect.stringMatching(/--name: .*\n.*--locale: Choose one of the listed languages\./) });
    expect(await attune("member:create", "--org", "acme", "--email", "not-an-email", "--role", "admin")).toMatchObject({ code: 1, stderr: "error: --email: Enter a valid email address.\n" });
    expect(await attune("apikey:create", "--org", "acme", "--name", "CI", "--scopes", "kpis:write")).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown scope kpis:write") });
    expect(await attune("participant:erase", "--org", "acme", "--email", "a@b.example")).toMatchObject({ code: 1, stderr: expect.stringContaining("add --confirm") });
  });

  it("explains the domain's refusals in the catalog's English, a page's own messages included", () => {
    expect(describeError(new AppError("NOT_FOUND", "organizationNotFound", { org: "organizationNotFound" }))).toBe("error: --org: There is no organization with that address.");
    expect(describeError(new AppError("CONFLICT", "privacyEraseStaffFirst"))).toBe("error: Change this person's role to participant or frontline staff first.");
    expect(describeError(new Error("Failed query: select 1"))).toMatch(/^error: unexpected failure: /);
  });
});
