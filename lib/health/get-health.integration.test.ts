import { afterEach, describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/connect";
import { getHealth } from "./get-health";

const globalForDb = globalThis as typeof globalThis & { __attuneDatabase?: Promise<unknown> };

describe("getHealth", () => {
  afterEach(() => {
    globalForDb.__attuneDatabase = undefined;
  });

  it("reports the database kind and that every committed migration is applied", async () => {
    const database = await connectDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, maxConnections: 1 } : { dataDir: "memory://" });
    globalForDb.__attuneDatabase = Promise.resolve(database);
    const health = await getHealth();
    expect(health.status).toBe("ok");
    expect(health.database).toEqual({ kind: process.env.DATABASE_URL ? "postgres" : "pglite", reachable: true });
    expect(health.migrations?.upToDate).toBe(true);
    expect(health.migrations?.applied).toBeGreaterThan(0);
    await database.close();
  });

  it("reports unavailable when the database cannot be reached", async () => {
    const database = await connectDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, maxConnections: 1 } : { dataDir: "memory://" });
    await database.close();
    globalForDb.__attuneDatabase = Promise.resolve(database);
    const health = await getHealth();
    expect(health.status).toBe("unavailable");
    expect(health.database.reachable).toBe(false);
  });
});
