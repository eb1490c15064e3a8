import { afterAll, beforeAll, describe, expect, test } from "vitest";
import postgres, { type Sql } from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import { preparingStatements } from "./prepared-statements";

/** A stand-in for a postgres.js client that records the options of every query, in and out of transactions. */
function recordingClient(calls: Array<{ query: string; options: unknown }>): Sql {
  const client = {
    options: { parsers: {} },
    unsafe: (query: string, _parameters: unknown[], options: unknown) => {
      calls.push({ query, options });
      return Promise.resolve([]);
    },
    begin: (...args: unknown[]) => Promise.resolve((args.at(-1) as (sql: unknown) => unknown)(client)),
    savepoint: (...args: unknown[]) => Promise.resolve((args.at(-1) as (sql: unknown) => unknown)(client)),
  };
  return client as unknown as Sql;
}

describe("preparingStatements", () => {
  test("asks for a prepared statement for every query, in transactions and savepoints too, and leaves the rest of the client alone", async () => {
    const calls: Array<{ query: string; options: unknown }> = [];
    const raw = recordingClient(calls);
    const client = preparingStatements(raw);
    await client.unsafe("select 1", [], { prepare: false } as never);
    await client.begin(async (tx) => {
      await tx.unsafe("select 2", [], { prepare: false } as never);
      await tx.savepoint(async (nested) => nested.unsafe("select 3", [], { prepare: false } as never));
      await tx.savepoint("named", async (nested) => nested.unsafe("select 4"));
    });
    await client.begin("read only", async (tx) => tx.unsafe("select 5"));
    expect(calls).toEqual(["select 1", "select 2", "select 3", "select 4", "select 5"].map((query) => ({ query, options: { prepare: true } })));
    expect(client.options).toBe(raw.options);
  });
});

// Prepared statements on a real connection: a postgres.js matter, so on the server only.
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
