import type { LiveAudience, LiveEvent, LiveResults, LiveSnapshot, LiveTexts } from "./events";
import { eventForAudience, isViewer } from "./live-audience";
import type { LivePollResults } from "./read-live-results";
import { SSE_HEARTBEAT, sseMessage } from "./sse-format";

/** Where a client's stream is written: a socket on the custom server, a web stream under next dev. */
export interface LiveSink {
  /** False when the socket's buffer is full: the client is slow. */
  write(chunk: string): boolean;
  end(): void;
  /** Bytes written but not yet sent. */
  buffered(): number;
}

/** What the hub reads from the database: once per instance for what every client shares. */
export interface LiveHubReaders {
  lastSeq(sessionId: string): Promise<number>;
  /** Stored events (authors included) after a seq, oldest first. */
  eventsAfter(sessionId: string, afterSeq: number, limit: number): Promise<LiveEvent[]>;
  pollResults(pollId: string): Promise<LivePollResults | null>;
  sessionResults(sessionId: string): Promise<LivePollResults[]>;
  texts(pollId: string, afterId: number | null, limit: number): Promise<LiveTexts["texts"]>;
}

export interface LiveHubClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LiveHubOptions {
  readers: LiveHubReaders;
  /** The shortest time between two tally reads (and results pushes) of one poll. */
  resultsIntervalMs: number;
  clock?: LiveHubClock;
  /** A resuming client further behind than this gets a fresh snapshot instead of a replay. */
  maxReplay?: number;
  /** A client whose unsent output grows past this is dropped; it reconnects and resumes. */
  maxBufferedBytes?: number;
  onError?: (error: unknown, context: string) => void;
}

export interface LiveConnectRequest {
  sessionId: string;
  audience: LiveAudience;
  lastEventId: number | null;
  sink: LiveSink;
  readSnapshot: () => Promise<LiveSnapshot>;
}

interface Client {
  sessionId: string;
  audience: LiveAudience;
  sink: LiveSink;
  /** The last seq this client has been given (or skipped as not for it). */
  position: number;
  /** Until its snapshot or replay is written, live events and results wait here. */
  syncing: { events: LiveEvent[]; results: Map<string, LiveResults>; texts: string[] } | null;
  /** Results waiting for a slow socket to drain: only the latest per poll is kept. */
  pendingResults: Map<string, LiveResults>;
  isCongested: boolean;
  isClosed: boolean;
  /** A participant told the session ended while its start was written: released right after. */
  hasSeenEnd: boolean;
}

interface SessionEntry {
  clients: Set<Client>;
  /** Moderators and observers among the clients: only they get results. */
  viewers: number;
  /** The highest seq fanned out, or the session's last seq when the entry was made. */
  cursor: number;
  /** Whether the cursor has been read; until then no notification is skipped as old. */
  isReady: boolean;
  ready: Promise<void>;
  isLoading: boolean;
  isDirty: boolean;
}

interface PollEntry {
  sessionId: string;
  lastRunAt: number;
  timer: unknown;
  isRunning: boolean;
  isDirty: boolean;
  /** The newest open-text answer pushed; null until the first push. */
  textsAfter: number | null;
  /** Whether observers have been sent the open answers so far (they wait for the minimum). */
  observersSeeTexts: boolean;
}

const EVENT_PAGE = 500;
const TEXTS_PAGE = 200;

const realClock: LiveHubClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The stream clients of one process, by session. Bus notifications carry ids; the hub reads each
 * new event once and fans it out (serialized once per audience), and reads a poll's tallies at
 * most once per interval however many votes arrive. Each client's position (the last seq it got)
 * filters what it is sent, so a replay overlapping live events sends nothing twice.
 */
export class LiveStreamHub {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly polls = new Map<string, PollEntry>();
  private readonly clock: LiveHubClock;
  private readonly maxReplay: number;
  private readonly maxBufferedBytes: number;

  constructor(private readonly options: LiveHubOptions) {
    this.clock = options.clock ?? realClock;
    this.maxReplay = options.maxReplay ?? 1000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  }

  get clientCount() {
    let count = 0;
    for (const entry of this.sessions.values()) count += entry.clients.size;
    return count;
  }

  /**
   * Registers a client, then writes its start: a replay of the events after its last id, or a
   * snapshot, and for viewers the current results. Live events arriving meanwhile are held and
   * filtered by seq. Resolves to the functions the transport calls on drain and on close.
   */
  async connect(request: LiveConnectRequest): Promise<{ drain: () => void; close: () => void }> {
    const { sessionId, audience, sink } = request;
    const client: Client = { sessionId, audience, sink, position: 0, syncing: { events: [], results: new Map(), texts: [] }, pendingResults: new Map(), isCongested: false, isClosed: false, hasSeenEnd: false };
    const entry = this.entryFor(sessionId);
    entry.clients.add(client);
    if (isViewer(audience)) entry.viewers += 1;
    const handle = { drain: () => this.drain(client), close: () => this.disconnect(client) };
    try {
      // Reading the start only after the entry knows its cursor: events past it will be fanned out.
      await entry.ready;
      await this.writeStart(client, request, entry.cursor);
      if (isViewer(audience)) await this.writeCurrentResults(client);
    } catch (error) {
      this.options.onError?.(error, "live.connect");
      this.disconnect(client);
      return handle;
    }
    const held = client.syncing!;
    client.syncing = null;
    for (const event of held.events) this.sendEvent(client, event);
    for (const results of held.results.values()) this.sendResults(client, results);
    for (const texts of held.texts) this.write(client, texts);
    this.releaseIfEnded(client, client.hasSeenEnd);
    return handle;
  }

  /** A bus notification: event `seq` of a session committed. */
  onEvent(sessionId: string, seq: number) {
    const entry = this.sessions.get(sessionId);
    if (!entry || (entry.isReady && seq <= entry.cursor)) return;
    void this.pump(sessionId, entry);
  }

  /** A bus notification: an answer to a poll was stored. */
  onVote(sessionId: string, pollId: string) {
    const entry = this.sessions.get(sessionId);
    if (!entry || entry.viewers === 0) return;
    let poll = this.polls.get(pollId);
    if (!poll) {
      poll = { sessionId, lastRunAt: -Infinity, timer: null, isRunning: false, isDirty: false, textsAfter: null, observersSeeTexts: false };
      this.polls.set(pollId, poll);
    }
    this.scheduleResults(pollId, poll);
  }

  /** After the bus lost its connection: notifications may be missing, so read again what changed. */
  catchUp() {
    for (const [sessionId, entry] of this.sessions) {
      void this.pump(sessionId, entry);
      for (const [pollId, poll] of this.polls) if (poll.sessionId === sessionId) this.scheduleResults(pollId, poll);
      const viewers = [...entry.clients].filter((client) => isViewer(client.audience) && !client.syncing);
      if (viewers.length > 0) {
        void this.options.readers
          .sessionResults(sessionId)
          .then((all) => {
            for (const results of all) for (const client of viewers) this.sendResults(client, results[client.audience as "moderator" | "observer"]);
          })
          .catch((error: unknown) => this.options.onError?.(error, "live.catchUp"));
      }
    }
  }

  /** A comment on every stream, so idle connections are not cut by proxies. */
  heartbeat() {
    for (const entry of this.sessions.values()) for (const client of entry.clients) if (!client.isCongested) this.write(client, SSE_HEARTBEAT);
  }

  /** Ends every stream (shutdown): browsers reconnect to another instance and resume. */
  closeAll() {
    for (const entry of [...this.sessions.values()]) for (const client of [...entry.clients]) this.disconnect(client);
    for (const poll of this.polls.values()) if (poll.timer) this.clock.clearTimeout(poll.timer);
    this.polls.clear();
  }

  private entryFor(sessionId: string): SessionEntry {
    const existing = this.sessions.get(sessionId);
    if (existing) return existing;
    const entry: SessionEntry = { clients: new Set(), viewers: 0, cursor: 0, isReady: false, ready: Promise.resolve(), isLoading: false, isDirty: false };
    // Read before any client of the entry reads its start, so every event past the cursor is
    // either in that start or fanned out to it (pump waits for this too).
    entry.ready = this.options.readers.lastSeq(sessionId).then(
      (seq) => {
        entry.cursor = seq;
        entry.isReady = true;
      },
      (error: unknown) => {
        if (this.sessions.get(sessionId) === entry) this.sessions.delete(sessionId);
        throw error;
      },
    );
    entry.ready.catch(() => undefined);
    this.sessions.set(sessionId, entry);
    return entry;
  }

  private async writeStart(client: Client, request: LiveConnectRequest, cursor: number) {
    const { lastEventId } = request;
    if (lastEventId !== null && lastEventId <= cursor && cursor - lastEventId <= this.maxReplay) {
      client.position = lastEventId;
      for (let after = lastEventId; ; ) {
        const events = await this.options.readers.eventsAfter(client.sessionId, after, EVENT_PAGE);
        for (const event of events) this.sendEvent(client, event);
        if (events.length < EVENT_PAGE) return;
        after = events[events.length - 1].seq;
      }
    }
    const snapshot = await request.readSnapshot();
    client.position = snapshot.seq;
    this.write(client, sseMessage("snapshot", snapshot, snapshot.seq));
    this.releaseIfEnded(client, snapshot.session.status === "ended");
  }

  private async writeCurrentResults(client: Client) {
    const all = await this.options.readers.sessionResults(client.sessionId);
    for (const results of all) {
      const mine = results[client.audience as "moderator" | "observer"];
      const newer = client.syncing?.results.get(results.pollId);
      if (!newer || newer.respondents < mine.respondents) client.syncing?.results.set(results.pollId, mine);
      // Observers read open answers only once enough people have answered to show any figure.
      if (results.isText && !mine.withheld) {
        const texts = await this.options.readers.texts(results.pollId, null, TEXTS_PAGE);
        if (texts.length > 0) this.write(client, sseMessage("texts", { pollId: results.pollId, texts } satisfies LiveTexts));
      }
    }
  }

  private async pump(sessionId: string, entry: SessionEntry) {
    if (entry.isLoading) {
      entry.isDirty = true;
      return;
    }
    entry.isLoading = true;
    try {
      await entry.ready;
      let events: LiveEvent[];
      do {
        entry.isDirty = false;
        events = await this.options.readers.eventsAfter(sessionId, entry.cursor, EVENT_PAGE);
        for (const event of events) this.fanOut(entry, event);
      } while (entry.isDirty || events.length === EVENT_PAGE);
    } catch (error) {
      this.options.onError?.(error, "live.pump");
    } finally {
      entry.isLoading = false;
    }
  }

  private fanOut(entry: SessionEntry, event: LiveEvent) {
    if (event.seq <= entry.cursor) return;
    entry.cursor = event.seq;
    const framed = new Map<LiveAudience, string | null>();
    for (const client of entry.clients) {
      if (client.syncing) {
        client.syncing.events.push(event);
        continue;
      }
      if (!framed.has(client.audience)) {
        const visible = eventForAudience(event, client.audience);
        framed.set(client.audience, visible ? sseMessage("event", visible, visible.seq) : null);
      }
      this.sendFramed(client, event.seq, framed.get(client.audience)!);
      this.releaseIfEnded(client, event.kind === "session.ended");
    }
  }

  private sendEvent(client: Client, event: LiveEvent) {
    const visible = eventForAudience(event, client.audience);
    this.sendFramed(client, event.seq, visible ? sseMessage("event", visible, visible.seq) : null);
    this.releaseIfEnded(client, event.kind === "session.ended");
  }

  /**
   * Once a participant has been told the session ended, nothing more will come for them: the
   * stream closes, so thousands of phones do not hold connections open (their page stops
   * reconnecting when it sees the end). Viewers stay, for the last results.
   */
  private releaseIfEnded(client: Client, hasEnded: boolean) {
    if (!hasEnded || client.audience !== "participant") return;
    // While its start is being written, the client is released once that is done.
    if (client.syncing) client.hasSeenEnd = true;
    else this.disconnect(client);
  }

  private sendFramed(client: Client, seq: number, framed: string | null) {
    if (seq <= client.position) return;
    client.position = seq;
    if (framed) this.write(client, framed);
  }

  private scheduleResults(pollId: string, poll: PollEntry) {
    if (poll.isRunning || poll.timer) {
      poll.isDirty = true;
      return;
    }
    const wait = poll.lastRunAt + this.options.resultsIntervalMs - this.clock.now();
    if (wait <= 0) void this.pushResults(pollId, poll);
    else poll.timer = this.clock.setTimeout(() => void this.pushResults(pollId, poll), wait);
  }

  private async pushResults(pollId: string, poll: PollEntry) {
    poll.timer = null;
    poll.isRunning = true;
    poll.isDirty = false;
    poll.lastRunAt = this.clock.now();
    try {
      const results = await this.options.readers.pollResults(pollId);
      const entry = this.sessions.get(poll.sessionId);
      if (results && entry) {
        let texts: LiveTexts["texts"] = [];
        if (results.isText) {
          texts = await this.options.readers.texts(pollId, poll.textsAfter, TEXTS_PAGE);
          if (texts.length > 0) poll.textsAfter = texts[texts.length - 1].id;
          // More than a page arrived in one interval: read the rest on the next run.
          if (texts.length === TEXTS_PAGE) poll.isDirty = true;
        }
        const textsFramed = texts.length > 0 ? sseMessage("texts", { pollId, texts } satisfies LiveTexts) : null;
        // Observers get open answers once enough people have answered to show any figure: then all
        // of them at once (the client drops repeats), and from there on as they come.
        let observerTexts: string | null = null;
        if (results.isText && !results.observer.withheld) {
          if (poll.observersSeeTexts) observerTexts = textsFramed;
          else {
            const all = await this.options.readers.texts(pollId, null, TEXTS_PAGE);
            observerTexts = all.length > 0 ? sseMessage("texts", { pollId, texts: all } satisfies LiveTexts) : null;
            poll.observersSeeTexts = true;
          }
        }
        for (const client of entry.clients) {
          if (!isViewer(client.audience)) continue;
          this.sendResults(client, results[client.audience as "moderator" | "observer"]);
          const framedTexts = client.audience === "observer" ? observerTexts : textsFramed;
          if (framedTexts) {
            if (client.syncing) client.syncing.texts.push(framedTexts);
            else this.write(client, framedTexts);
          }
        }
      }
      if (!entry) this.polls.delete(pollId);
    } catch (error) {
      this.options.onError?.(error, "live.results");
    } finally {
      poll.isRunning = false;
      if (poll.isDirty && this.polls.has(pollId)) {
        poll.isDirty = false;
        this.scheduleResults(pollId, poll);
      }
    }
  }

  private sendResults(client: Client, results: LiveResults) {
    if (client.syncing) {
      const held = client.syncing.results.get(results.pollId);
      if (!held || held.respondents <= results.respondents) client.syncing.results.set(results.pollId, results);
      return;
    }
    // Results are a state: a slow client only ever needs the latest.
    if (client.isCongested) client.pendingResults.set(results.pollId, results);
    else this.write(client, sseMessage("results", results));
  }

  private drain(client: Client) {
    client.isCongested = false;
    const pending = [...client.pendingResults.values()];
    client.pendingResults.clear();
    for (const results of pending) this.sendResults(client, results);
  }

  private write(client: Client, chunk: string) {
    if (client.isClosed) return;
    if (!client.sink.write(chunk)) client.isCongested = true;
    if (client.sink.buffered() > this.maxBufferedBytes) this.disconnect(client);
  }

  private disconnect(client: Client) {
    if (client.isClosed) return;
    client.isClosed = true;
    try {
      client.sink.end();
    } catch {
      // The socket is already gone.
    }
    const entry = this.sessions.get(client.sessionId);
    if (!entry) return;
    if (entry.clients.delete(client) && isViewer(client.audience)) entry.viewers -= 1;
    if (entry.clients.size === 0) {
      this.sessions.delete(client.sessionId);
      for (const [pollId, poll] of this.polls) {
        if (poll.sessionId !== client.sessionId) continue;
        if (poll.timer) this.clock.clearTimeout(poll.timer);
        this.polls.delete(pollId);
      }
    }
  }
}
