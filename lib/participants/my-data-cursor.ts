/**
 * A keyset position in a list read newest first: the row's time in microseconds since the epoch
 * (PostgreSQL's own precision, so no row is read twice or skipped) and its id. Opaque to the page.
 */
export interface MyDataCursor {
  micros: string;
  id: string;
}

export function encodeCursor(cursor: MyDataCursor): string {
  return Buffer.from(`${cursor.micros}|${cursor.id}`, "utf8").toString("base64url");
}

/** A cursor from a URL; anything malformed reads as "from the start" rather than failing the page. */
export function decodeCursor(value: string | null | undefined): MyDataCursor | null {
  if (!value || value.length > 200) return null;
  const [micros, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !/^-?\d{1,20}$/.test(micros ?? "") || !/^[\w-]{1,64}$/.test(id ?? "")) return null;
  return { micros, id };
}
