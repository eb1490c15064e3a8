import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devMailbox } from "@/db/schema";
import { isDevMailboxEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function listDevMail(db: Db, limit = 50) {
  if (!isDevMailboxEnabled) throw new AppError("NOT_FOUND", "notFound");
  return db
    .select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, text: devMailbox.text, createdAt: devMailbox.createdAt })
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}
