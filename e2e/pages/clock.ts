import { expect, type APIRequestContext } from "@playwright/test";

/** The time scheduled work on the server follows now (the test clock of /dev/clock). */
export async function scheduledTime(request: APIRequestContext): Promise<Date> {
  return new Date((await (await request.get("/dev/clock")).json()).now);
}

/** Moves the server's clock and waits for the work that fell due to run, none of it failing. */
export async function moveClock(request: APIRequestContext, to: Date) {
  const response = await request.post("/dev/clock", { data: { now: to.toISOString() } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ now: to.toISOString(), failed: 0 });
}
