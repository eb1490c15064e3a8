interface Waiting<T> {
  item: T;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: while one statement is writing, the items that arrive wait and go together in the
 * next. Rows many writers touch at once (a poll's tallies, a window's rate-limit row, the KPI
 * rollups) are locked until commit, and every statement costs PostgreSQL a plan and a commit, so
 * one statement per batch instead of one per item is what lets thousands write within seconds.
 *
 * `keysOf` names what an item must not share a batch with: two items with a key in common go in
 * different batches, in arrival order, so a unique constraint decides between them as it would
 * one by one. `storeMany` answers with the first keys of the items it stored. If a batch fails,
 * its items are written one by one so that one bad row fails alone.
 */
export function createGroupCommit<T>(storeMany: (items: T[]) => Promise<Set<string>>, keysOf: (item: T) => readonly string[], { maxBatch = 500, gatherMs = 0 } = {}): (item: T) => Promise<boolean> {
  let waiting: Array<Waiting<T>> = [];
  let isWriting = false;
  const gather = gatherer(() => void flush(), gatherMs);

  async function write(batch: Array<Waiting<T>>) {
    try {
      const stored = await storeMany(batch.map((waiter) => waiter.item));
      for (const waiter of batch) waiter.resolve(stored.has(keysOf(waiter.item)[0]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const waiter of batch) await write([waiter]);
    }
  }

  async function flush() {
    if (isWriting || waiting.length === 0) return;
    isWriting = true;
    const batch: Array<Waiting<T>> = [];
    const keys = new Set<string>();
    const later: Array<Waiting<T>> = [];
    for (const waiter of waiting) {
      const itemKeys = keysOf(waiter.item);
      // A later item sharing a key with one held back waits too, so arrival order is kept.
      if (batch.length < maxBatch && !itemKeys.some((key) => keys.has(key))) batch.push(waiter);
      else later.push(waiter);
      for (const key of itemKeys) keys.add(key);
    }
    waiting = later;
    try {
      await write(batch);
    } finally {
      isWriting = false;
      void flush();
    }
  }

  return (item) =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!isWriting) gather();
    });
}

/**
 * Starts a flush after `gatherMs` (at once for 0), once per window: a few milliseconds of waiting
 * turn a steady trickle of requests into batches, each a round trip instead of one per answer.
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
