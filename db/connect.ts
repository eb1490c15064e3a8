import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { holdDataFolder } from "./data-folder-lock";
import { preparingStatements } from "./prepared-statements";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";
export interface Database {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  /**
   * LISTEN on a channel (a dedicated connection on the server; in-process on PGlite); resolves to a
   * function that stops listening. `onRelisten` runs each time a dropped listen connection is back
   * (never for the first listen): notifications sent while it was down are lost, so callers catch up.
   */
  listen: (channel: string, onNotify: (payload: string) => void, onRelisten?: () => void) => Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every instance migrating one database.
const MIGRATION_LOCK_KEY = 727_001;

export interface ConnectOptions {
  databaseUrl?: string;
  /** A folder for PGlite; "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  maxConnections?: number;
  /** A PGlite dump (dumpDataDir) to start a memory database from, instead of an empty one. */
  template?: Blob;
}

/** Connects to PostgreSQL (databaseUrl) or embedded PGlite, and applies committed migrations. */
export async function connectDatabase(options: ConnectOptions = {}): Promise<Database> {
  const { env } = await import("@/lib/env");
  const databaseUrl = options.databaseUrl ?? env.DATABASE_URL;
  if (databaseUrl) return connectPostgres(databaseUrl, options.maxConnections ?? 10);
  return connectPglite(options.dataDir ?? env.ATTUNE_DATA_DIR, options.template);
}

async function connectPostgres(databaseUrl: string, maxConnections: number): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");

  // Migrate on a single dedicated connection holding an advisory lock, so that instances
  // starting together do not run the same migration twice.
  const migrationClient = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const migrationDb = drizzle(migrationClient);
    await migrationDb.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrate(migrationDb, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await migrationDb.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await migrationClient.end();
  }

  // JIT compiles any plan above jit_above_cost, which costs 15–25 ms on each call of a small dashboard
  // read whose estimate is high but whose work is not (bench:dashboard); OLTP reads never gain from it.
  const client = postgres(databaseUrl, { max: maxConnections, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzle(preparingStatements(client), { schema }) as unknown as Db;
  const listen: Database["listen"] = async (channel, onNotify, onRelisten) => {
    // postgres.js re-listens by itself after a dropped connection and calls onlisten every time.
    let isFirst = true;
    const { unlisten } = await client.listen(channel, onNotify, () => {
      if (!isFirst) onRelisten?.();
      isFirst = false;
    });
    return unlisten;
  };
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }), listen };
}

async function connectPglite(dataDir: string, template?: Blob): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");

  const isMemory = dataDir.startsWith("memory://");
  if (!isMemory) mkdirSync(dataDir, { recursive: true });
  const releaseFolder = isMemory ? () => {} : holdDataFolder(path.resolve(dataDir));
  try {
    const client = await PGlite.create({ dataDir: isMemory ? dataDir : path.resolve(dataDir), ...(template ? { loadDataDir: template } : {}) });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const listen: Database["listen"] = (channel, onNotify) => client.listen(channel, onNotify);
    return { db: db as unknown as Db, kind: "pglite", close: () => client.close().finally(releaseFolder), listen };
  } catch (error) {
    releaseFolder();
    throw error;
  }
}
