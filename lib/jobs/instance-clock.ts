import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instanceSettings } from "@/db/schema";
import { env } from "@/lib/env";

const TEST_CLOCK_KEY = "test_clock_now";

/**
 * The time scheduled work runs at. Normally the system clock; with ATTUNE_TEST_CLOCK an end-to-end
 * test sets it through /dev/clock, and every instance reads the same value from the database.
 */
export async function scheduledNow(db: Db): Promise<Date> {
  if (!env.ATTUNE_TEST_CLOCK) return new Date();
  const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, TEST_CLOCK_KEY)).limit(1);
  return row ? new Date(row.value) : new Date();
}

export async function setTestClock(db: Db, to: Date): Promise<void> {
  if (!env.ATTUNE_TEST_CLOCK) throw new Error("the test clock is off (ATTUNE_TEST_CLOCK)");
  await db
    .insert(instanceSettings)
    .values({ key: TEST_CLOCK_KEY, value: to.toISOString() })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value: to.toISOString() } });
}
