import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A poll of the (already locked) session, locked too; a poll of another session is NOT_FOUND. */
export async function lockLivePoll(tx: Db, sessionId: string, pollId: string) {
  const [poll] = await tx
    .select({ id: livePolls.id, position: livePolls.position, kind: livePolls.kind, status: livePolls.status, definition: livePolls.definition })
    .from(livePolls)
    .where(and(eq(livePolls.id, pollId), eq(livePolls.sessionId, sessionId)))
    .for("update");
  if (!poll) throw new AppError("NOT_FOUND", "notFound");
  return poll;
}

/** A pushed poll has been seen and maybe answered: it is no longer edited or removed. */
export function requireDraft(poll: { status: string }) {
  if (poll.status !== "draft") throw new AppError("CONFLICT", "livePollNotDraft");
}
