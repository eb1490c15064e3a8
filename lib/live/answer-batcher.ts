import { liveAnswerKey, type PreparedLiveAnswer, type StoreLiveAnswer } from "./submit-live-answer";

interface Waiting {
  answer: PreparedLiveAnswer;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for live answers: while one statement is writing, the answers that arrive wait and
 * go together in the next. Every answer bumps the same few tally rows (a poll's respondents above
 * all), whose row lock is held until commit, so one statement per batch instead of one per answer
 * is what lets thousands vote within seconds. A person's second answer never shares a batch with
 * the first; if a batch fails, its answers are written one by one so one bad row fails alone.
 */
export function createLiveAnswerBatcher(storeMany: (answers: PreparedLiveAnswer[]) => Promise<Set<string>>, { maxBatch = 500, gatherMs = 0 } = {}): StoreLiveAnswer {
  let waiting: Waiting[] = [];
  let isWriting = false;
  const gather = gatherer(() => void flush(), gatherMs);

  async function write(batch: Waiting[]) {
    try {
      const stored = await storeMany(batch.map((item) => item.answer));
      for (const item of batch) item.resolve(stored.has(liveAnswerKey(item.answer)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const item of batch) await write([item]);
    }
  }

  async function flush() {
    if (isWriting || waiting.length === 0) return;
    isWriting = true;
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    const later: Waiting[] = [];
    for (const item of waiting) {
      const key = liveAnswerKey(item.answer);
      if (batch.length < maxBatch && !keys.has(key)) {
        batch.push(item);
        keys.add(key);
      } else later.push(item);
    }
    waiting = later;
    try {
      await write(batch);
    } finally {
      isWriting = false;
      void flush();
    }
  }

  return (answer) =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ answer, resolve, reject });
      if (!isWriting) gather();
    });
}

/**
 * Starts a flush after `gatherMs` (at once for 0), once per window: a few milliseconds of waiting
 * turn a steady trickle of answers into batches, each a round trip instead of one per answer.
 */
function gatherer(flush: () => void, gatherMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (gatherMs <= 0) return flush();
    timer ??= setTimeout(() => {
      timer = null;
      flush();
    }, gatherMs);
  };
}

/**
 * Groups concurrent reads the same way: while one statement runs, the requests that arrive wait
 * and are read together by the next (`readMany` answers in request order).
 */
export function createGroupedReader<I, O>(readMany: (requests: I[]) => Promise<O[]>, { maxBatch = 500, gatherMs = 0 } = {}): (request: I) => Promise<O> {
  let waiting: Array<{ request: I; resolve: (result: O) => void; reject: (error: unknown) => void }> = [];
  let isReading = false;
  const gather = gatherer(() => void flush(), gatherMs);

  async function flush() {
    if (isReading || waiting.length === 0) return;
    isReading = true;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(maxBatch);
    try {
      const results = await readMany(batch.map((item) => item.request));
      batch.forEach((item, i) => item.resolve(results[i]));
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      isReading = false;
      void flush();
    }
  }

  return (request) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ request, resolve, reject });
      if (!isReading) gather();
    });
}
