import { afterAll, beforeAll, describe, expect, test } from "vitest";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { preparingStatements } from "./prepared-statements";

// Prepared statements are a postgres.js matter: on embedded PGlite there is no connection to prepare on.
const databaseUrl = process.env.DATABASE_URL;

if (databaseUrl) describe("queries through the preparing client", () => {
  // One connection, so every query below meets the statements the earlier ones prepared.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(preparingStatements(client));
  const preparedCount = async (marker: string) =>
    Number((await client`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`)[0].n);

  beforeAll(async () => {
    await client`select 1`;
  });
  afterAll(async () => {
    await client.end();
  });

  test("a query with parameters is prepared once on its connection and reused with new values", async () => {
    const square = (n: number) => db.execute(sql`select ${n}::int * ${n}::int as square_marker_a`);
    expect((await square(3))[0]).toEqual({ square_marker_a: 9 });
    expect((await square(4))[0]).toEqual({ square_marker_a: 16 });
    expect(await preparedCount("square_marker_a")).toBe(1);
  });

  test("queries in transactions and savepoints are prepared too, and rollbacks still roll back", async () => {
    await db.execute(sql`create temporary table prepared_probe (n int)`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into prepared_probe (n) values (${1}) -- marker_b`);
      await tx
        .transaction(async (nested) => {
          await nested.execute(sql`insert into prepared_probe (n) values (${2}) -- marker_c`);
          throw new Error("roll back the savepoint");
        })
        .catch(() => undefined);
    });
    expect(await db.execute(sql`select n from prepared_probe order by n`)).toEqual([{ n: 1 }]);
    expect(await preparedCount("marker_b")).toBe(1);
    expect(await preparedCount("marker_c")).toBe(1);
  });
});
