import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { useTestDatabase } from "@/tests/db";

describe("the schema", () => {
  const database = useTestDatabase();

  it("has no column for IP addresses or browser fingerprints, on responses or anywhere else", async () => {
    const rows = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
      await database.db.execute(sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'`),
    );
    expect(rows.length).toBeGreaterThan(50);
    const suspicious = rows.filter((column) => /(^|_)(ip|ips|ip_address|remote_addr|remote_address|user_agent|fingerprint|geo|latitude|longitude)($|_)/.test(column.column_name) || column.data_type === "inet" || column.data_type === "cidr");
    expect(suspicious).toEqual([]);
  });
});
