import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * A timestamp column as text to the microsecond, for a keyset cursor. PostgreSQL keeps
 * microseconds and a JavaScript Date only milliseconds: a cursor made from a Date skips the rows
 * that share the last row's millisecond, which busy tables have many of.
 */
export function timestampCursor(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The rows after the cursor's row in newest-first (timestamp, id) order: one row comparison, which an index on both columns serves. */
export function olderThan(timestamp: AnyPgColumn, id: AnyPgColumn, cursor: { at: string; id: string }): SQL {
  return sql`(${timestamp}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}
