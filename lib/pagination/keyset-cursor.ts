import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";

/**
 * A keyset cursor as one token, "<timestamp to the microsecond>_<uuid>", as keysetPage gives it out.
 * One that names no real moment (a 30th of February, year 0) is refused here rather than by PostgreSQL.
 */
export const keysetCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .refine((token) => {
    const { at } = decodeKeysetCursor(token);
    const moment = new Date(at);
    return isCalendarDay(at.slice(0, 10)) && !Number.isNaN(moment.getTime()) && moment.toISOString().slice(0, 23) === at.slice(0, 23);
  });

/** The cursor in a token that keysetCursorSchema accepted at the boundary. */
export function decodeKeysetCursor(token: string): { at: string; id: string } {
  const separator = token.lastIndexOf("_");
  return { at: token.slice(0, separator), id: token.slice(separator + 1) };
}

/**
 * A page from rows read with one extra (limit pageSize + 1) and selected with their cursor
 * (`cursorAt: timestampCursor(...)`, db/keyset.ts): the rows without it, and the next page's cursor when there is one.
 */
export function keysetPage<T extends { cursorAt: string; id: string }>(rows: T[], pageSize: number): { rows: Array<Omit<T, "cursorAt">>; nextCursor: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page.map(({ cursorAt, ...row }) => (void cursorAt, row)), nextCursor: last && rows.length > pageSize ? `${last.cursorAt}_${last.id}` : null };
}
