import { z } from "zod";

export const uuidSchema = z.uuid("idInvalid");

/** Sent by clients that may retry: the same key returns the first result instead of a second one. */
export const idempotencyKeySchema = z.uuid("idempotencyKeyInvalid").meta({ description: "A UUID chosen by the client for this write; a retry with the same key and body returns the first result." });

/** Keyset pagination: an opaque cursor from the previous page's nextCursor. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200, "cursorInvalid").optional().meta({ description: "nextCursor of the previous page; omit for the first page." }),
  limit: z.coerce.number("limitInvalid").int("limitInvalid").min(1, "limitInvalid").max(100, "limitInvalid").default(25).meta({ description: "Items per page, 1–100." }),
});

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last page." }) })
    .meta({ id });
}

/** A cursor the client cannot forge into something other than a position: base64url of a JSON tuple. */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, shape: z.ZodType<Array<string | number>>): Array<string | number> | null {
  if (!cursor) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new z.ZodError([{ code: "custom", path: ["query", "cursor"], message: "cursorInvalid", input: cursor }]);
}

/** A time as the database gives it (a Date), sent as an RFC 3339 string. */
export const timestampSchema = z.date().meta({ override: { type: "string", format: "date-time" } });
