import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { connectDatabase } from "@/db/connect";

/** Where the migrated PGlite template for this run lives (each test file starts from a copy). */
export const PGLITE_TEMPLATE = path.join(process.cwd(), ".data", "test-template", "pglite.tar");

// On the server database, migrate once before the files run in parallel. On PGlite, migrate one
// in-memory database and dump it: each file loads the dump, a third of the time of a fresh one.
export default async function setup() {
  if (process.env.DATABASE_URL) {
    const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, maxConnections: 1 });
    await database.close();
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const { MIGRATIONS_FOLDER } = await import("@/db/connect");
  const client = await PGlite.create("memory://");
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const dump = await client.dumpDataDir("none");
  await client.close();
  mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
}
