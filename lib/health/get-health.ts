import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/connect";
import { rowsOf } from "@/db/rows";
import { env } from "@/lib/env";

export interface Health {
  status: "ok" | "unavailable";
  database: { kind: "pglite" | "postgres"; reachable: boolean };
  migrations: { applied: number; expected: number; upToDate: boolean } | null;
}

function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** Database kind, reachability and migration state; never throws. */
export async function getHealth(): Promise<Health> {
  try {
    const { db, kind } = await getDatabase();
    const result = await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    const rows = rowsOf<{ applied: number }>(result);
    const applied = Number(rows[0]?.applied ?? 0);
    const expected = expectedMigrations();
    const upToDate = applied === expected;
    return { status: upToDate ? "ok" : "unavailable", database: { kind, reachable: true }, migrations: { applied, expected, upToDate } };
  } catch {
    return { status: "unavailable", database: { kind: env.DATABASE_URL ? "postgres" : "pglite", reachable: false }, migrations: null };
  }
}
