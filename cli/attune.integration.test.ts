import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "@/db/connect";
import { memberships, users } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";

const run = promisify(execFile);
const LAUNCHER = path.join(import.meta.dirname, "..", "scripts", "attune.mjs");

/**
 * The command line as an operator runs it: a child process through the launcher (which bundles
 * once and reuses the bundle), against a throwaway PGlite folder, or the DATABASE_URL server with
 * unique names. Its output is checked, then its writes are read back through lib/.
 */
describe("npm run attune", () => {
  // PGlite allows one process per folder: the test opens it only after the commands have run.
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "attune-cli-"));
  const env = { ...process.env, LOG_LEVEL: "warn", ...(dataDir ? { ATTUNE_DATA_DIR: dataDir } : {}) };
  const name = `Cli Test ${randomUUID().slice(0, 8)}`;
  const adminEmail = `cli.admin.${randomUUID().slice(0, 8)}@example.test`;
  const memberEmail = `cli.member.${randomUUID().slice(0, 8)}@example.test`;
  let database: Database | undefined;

  async function attune(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [LAUNCHER, ...args], { env, timeout: 90_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  let created: { id: string; slug: string; admin: { email: string } };
  let issued: { id: string; prefix: string; scopes: string[]; secret: string };
  let member: { code: number; stdout: string };
  let badRole: { code: number; stderr: string };
  let eraseWithoutConfirm: { code: number; stderr: string };

  beforeAll(async () => {
    const organization = await attune("org:create", "--name", name, "--locale", "pl", "--admin-email", adminEmail, "--json");
    expect(organization.stderr).toBe("");
    created = JSON.parse(organization.stdout);
    member = await attune("member:create", "--org", created.slug, "--email", memberEmail, "--role", "researcher", "--name", "Rae");
    const key = await attune("apikey:create", "--org", created.slug, "--name", "CI", "--scopes", "responses:write,kpis:read", "--json");
    issued = JSON.parse(key.stdout);
    badRole = await attune("member:create", "--org", created.slug, "--email", `x.${memberEmail}`, "--role", "owner");
    eraseWithoutConfirm = await attune("participant:erase", "--org", created.slug, "--email", memberEmail);
    database = await connectDatabase(dataDir ? { dataDir } : { databaseUrl: process.env.DATABASE_URL, maxConnections: 1 });
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("org:create --json prints the new organization, its slug and its first admin", () => {
    expect(created).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), slug: expect.stringMatching(/^cli-test-[0-9a-f]{8}$/), name, defaultLocale: "pl", admin: { email: adminEmail } });
  });

  it("member:create makes the person a member with the role", async () => {
    expect(member.code).toBe(0);
    expect(member.stdout).toContain(`${memberEmail} is now a member`);
    const rows = await database!.db.select({ role: memberships.role, organizationId: memberships.organizationId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, memberEmail));
    expect(rows).toEqual([{ role: "researcher", organizationId: created.id }]);
  });

  it("apikey:create --json prints a key, once, that authenticates into the new organization with its scopes", async () => {
    expect(issued).toMatchObject({ prefix: issued.secret.slice(0, 13), scopes: ["responses:write", "kpis:read"] });
    const actor = await authenticateApiKey(database!.db, `Bearer ${issued.secret}`);
    expect(actor).toMatchObject({ apiKeyId: issued.id, organizationId: created.id, scopes: ["responses:write", "kpis:read"] });
  });

  it("refuses a bad role and an erasure without --confirm with exit code 1 and a reason, changing nothing", async () => {
    expect(badRole).toMatchObject({ code: 1, stderr: expect.stringContaining("--role: Choose one of the listed roles.") });
    expect(eraseWithoutConfirm).toMatchObject({ code: 1, stderr: expect.stringContaining("--confirm") });
    expect(await database!.db.select({ id: users.id }).from(users).where(eq(users.email, `x.${memberEmail}`))).toEqual([]);
    expect(await database!.db.select({ id: users.id }).from(users).where(eq(users.email, memberEmail))).toHaveLength(1);
  });
});
