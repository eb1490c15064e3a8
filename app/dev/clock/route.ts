// POST /dev/clock – moves the test clock and runs the work now due; GET – the scheduled time.
// End-to-end tests only (ATTUNE_TEST_CLOCK), and only from this machine (server/local-only.ts).
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { routeError } from "@/lib/http/route-error";
import { scheduledNow, setTestClock } from "@/lib/jobs/instance-clock";
import { runScheduledWork } from "@/lib/jobs/worker";

export const dynamic = "force-dynamic";

const moveClockSchema = z.object({ now: z.iso.datetime({ offset: true }) });

const notFound = () => new Response(null, { status: 404 });

export async function GET() {
  if (!env.ATTUNE_TEST_CLOCK) return notFound();
  return Response.json({ now: (await scheduledNow(await getDb())).toISOString() });
}

export async function POST(request: Request) {
  if (!env.ATTUNE_TEST_CLOCK) return notFound();
  try {
    const { now } = moveClockSchema.parse(await request.json().catch(() => ({})));
    const db = await getDb();
    await setTestClock(db, new Date(now));
    // A poll already running may have read the old time: wait for it, then run at the new one.
    await runScheduledWork(db);
    const { succeeded, failed } = await runScheduledWork(db);
    return Response.json({ now: (await scheduledNow(db)).toISOString(), succeeded, failed });
  } catch (error) {
    return routeError(error);
  }
}
