import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devMailbox } from "@/db/schema";
import { isDevMailboxEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The newest mails, optionally only those to one address (a busy demo sends hundreds). */
export async function listDevMail(db: Db, { to, limit = 50 }: { to?: string; limit?: number } = {}) {
  if (!isDevMailboxEnabled) throw new AppError("NOT_FOUND", "notFound");
  return db
    .select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, text: devMailbox.text, createdAt: devMailbox.createdAt })
    .from(devMailbox)
    .where(to ? eq(sql`lower(${devMailbox.to})`, to.toLowerCase()) : undefined)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}
