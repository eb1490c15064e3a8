import { afterAll, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { connectDatabase, type Database, type Db } from "@/db/connect";
import { PGLITE_TEMPLATE } from "./global-setup";

class Rollback extends Error {}

/**
 * One database per test file: in-memory PGlite by default, the server at DATABASE_URL when set.
 * Use `inRollback` in each test so nothing it writes outlives it.
 */
export function useTestDatabase() {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await connectDatabase(
      process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, maxConnections: 2 } : { dataDir: "memory://", template: new Blob([readFileSync(PGLITE_TEMPLATE)]) },
    );
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db(): Db {
      if (!database) throw new Error("database not ready");
      return database.db;
    },
    /** Runs the test body in a transaction that is always rolled back. */
    async inRollback<T>(body: (tx: Db) => Promise<T>): Promise<T> {
      let result: T | undefined;
      try {
        await database!.db.transaction(async (tx) => {
          result = await body(tx as unknown as Db);
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      return result as T;
    },
  };
}
