import "server-only";
import { connectDatabase, type Database } from "./connect";

export type { Db, DbKind, Database } from "./connect";

// Route bundles and instrumentation are separate module graphs: the handle lives on globalThis so
// that one process opens one database (one PGlite per data folder, one postgres pool).
const globalForDb = globalThis as typeof globalThis & { __attuneDatabase?: Promise<Database> };

/** Opens and migrates the database once per process; a failed start is not cached, so the next call retries. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__attuneDatabase) {
    globalForDb.__attuneDatabase = connectDatabase().catch((error: unknown) => {
      globalForDb.__attuneDatabase = undefined;
      throw error;
    });
  }
  return globalForDb.__attuneDatabase;
}

export async function getDb() {
  return (await getDatabase()).db;
}

export async function closeDatabase() {
  const pending = globalForDb.__attuneDatabase;
  globalForDb.__attuneDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}
