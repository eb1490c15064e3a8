import { describe, expect, it } from "vitest";
import { liveAnswerKey, type PreparedLiveAnswer } from "@/lib/live/submit-live-answer";
import { createGroupCommit, createGroupedReader } from "./group-commit";

const createLiveAnswerBatcher = (storeMany: (answers: PreparedLiveAnswer[]) => Promise<Set<string>>, options?: { gatherMs?: number }) =>
  createGroupCommit(storeMany, (item) => [liveAnswerKey(item)], options);

const answer = (userId: string, value = "c1"): PreparedLiveAnswer => ({ sessionId: "s1", pollId: "p1", userId, value, attributes: {}, locale: "en", keys: [] });

/** A store that keeps the first answer per person, like the unique key, and records each call's size. */
function fakeStore(options: { failWhen?: (answers: PreparedLiveAnswer[]) => boolean } = {}) {
  const stored = new Map<string, unknown>();
  const calls: number[] = [];
  let release: (() => void) | null = null;
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  let isHeld = false;
  return {
    stored,
    calls,
    hold: () => {
      isHeld = true;
    },
    release: () => {
      isHeld = false;
      release?.();
    },
    storeMany: async (answers: PreparedLiveAnswer[]) => {
      calls.push(answers.length);
      if (isHeld) await gate();
      if (options.failWhen?.(answers)) throw new Error("batch failed");
      const keys = new Set<string>();
      for (const item of answers) {
        if (stored.has(liveAnswerKey(item))) continue;
        stored.set(liveAnswerKey(item), item.value);
        keys.add(liveAnswerKey(item));
      }
      return keys;
    },
  };
}

describe("group commit of live answers", () => {
  it("writes the answers that arrive during a write together in the next one", async () => {
    const store = fakeStore();
    const submit = createLiveAnswerBatcher(store.storeMany);
    store.hold();
    const first = submit(answer("u0"));
    const rest = Array.from({ length: 50 }, (_, i) => submit(answer(`u${i + 1}`)));
    store.release();
    expect(await Promise.all([first, ...rest])).toEqual(Array(51).fill(true));
    expect(store.calls).toEqual([1, 50]);
  });

  it("with a gathering window, writes answers arriving within it as one batch", async () => {
    const store = fakeStore();
    const submit = createLiveAnswerBatcher(store.storeMany, { gatherMs: 5 });
    expect(await Promise.all([submit(answer("ana")), submit(answer("ben")), submit(answer("cleo"))])).toEqual([true, true, true]);
    expect(store.calls).toEqual([3]);
  });

  it("never puts a person's second answer in the same batch, and refuses it after the first", async () => {
    const store = fakeStore();
    const submit = createLiveAnswerBatcher(store.storeMany);
    store.hold();
    const blocker = submit(answer("u0"));
    const twice = [submit(answer("ana", "c1")), submit(answer("ana", "c2")), submit(answer("ben"))];
    store.release();
    await blocker;
    expect(await Promise.all(twice)).toEqual([true, false, true]);
    expect(store.stored.get("p1:ana")).toBe("c1");
    expect(store.calls).toEqual([1, 2, 1]);
  });

  it("writes a failed batch one by one, so only the bad answer fails", async () => {
    const store = fakeStore({ failWhen: (answers) => answers.some((item) => item.value === "bad") });
    const submit = createLiveAnswerBatcher(store.storeMany);
    store.hold();
    const blocker = submit(answer("u0"));
    const outcomes = Promise.allSettled([submit(answer("ana")), submit(answer("ben", "bad")), submit(answer("cleo"))]);
    store.release();
    await blocker;
    expect((await outcomes).map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect([...store.stored.keys()].sort()).toEqual(["p1:ana", "p1:cleo", "p1:u0"]);
  });
});

describe("grouped reader", () => {
  it("reads the requests that arrive during a read together, each getting its own result", async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const read = createGroupedReader(async (requests: number[]) => {
      calls.push(requests);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return requests.map((n) => n * 10);
    });
    const first = read(1);
    const rest = [read(2), read(3), read(4)];
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });
});
