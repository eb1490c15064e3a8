import { sql, type SQL } from "drizzle-orm";

/** A list of uuids as one bound array parameter, whatever its length (no parameter-count limit). */
export const uuidList = (ids: readonly string[]): SQL => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** Any strings as one bound parameter (through JSON, so quotes and commas need no escaping). */
export const textList = (values: readonly string[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export const bigintList = (ids: readonly number[]): SQL => sql`${`{${ids.join(",")}}`}::bigint[]`;
