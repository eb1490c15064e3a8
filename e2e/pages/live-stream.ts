import { randomUUID } from "node:crypto";
import type postgres from "postgres";

export interface SseMessage {
  id?: number;
  event: string;
  data: unknown;
}

/**
 * A Server-Sent Events stream read with fetch, as a browser's EventSource would (cookie, optional
 * Last-Event-ID), collecting messages so a test can wait for the one it expects.
 */
export async function openSse(url: string, options: { cookie: string; lastEventId?: number }) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", cookie: options.cookie, ...(options.lastEventId === undefined ? {} : { "last-event-id": String(options.lastEventId) }) },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let text = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = text.indexOf("\n\n")) >= 0) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            const fields = new Map(block.split("\n").filter((line) => !line.startsWith(":")).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]));
            if (!fields.has("data")) continue;
            messages.push({ id: fields.has("id") ? Number(fields.get("id")) : undefined, event: fields.get("event") ?? "message", data: JSON.parse(fields.get("data")!) });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    response,
    messages,
    /** Resolves with the first message (seen already or still to come) that matches. */
    waitFor(match: (message: SseMessage) => boolean, timeoutMs = 10_000): Promise<SseMessage> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((message) => [message.event, message.id]))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/** A live session with one open single-choice poll, a moderator and participants, written straight to the database. */
export async function seedLiveSession(sql: postgres.Sql, participants: number) {
  const tag = randomUUID().slice(0, 8);
  const [org] = await sql`insert into organizations (slug, name) values (${`live-${tag}`}, ${`Live ${tag}`}) returning id, slug`;
  const userIds = ["moderator", ...Array.from({ length: participants }, (_, i) => `participant${i + 1}`)].map((name) => `${name}-${tag}`);
  await sql`insert into users ${sql(userIds.map((id) => ({ id, email: `${id}@live.example`, name: id, locale: "en" })))}`;
  await sql`insert into memberships ${sql(userIds.map((id, i) => ({ organization_id: org.id, user_id: id, role: i === 0 ? "researcher" : "participant" })))}`;
  await sql`insert into sessions ${sql(userIds.map((id) => ({ session_token: `token-${id}`, user_id: id, expires: new Date(Date.now() + 86_400_000) })))}`;
  const [panel] = await sql`insert into programs (organization_id, kind, name, starts_on) values (${org.id}, 'panel', 'Live panel', now()) returning id`;
  await sql`insert into program_members ${sql(userIds.slice(1).map((id) => ({ program_id: panel.id, organization_id: org.id, user_id: id, status: "active" })))}`;
  const [session] = await sql`insert into live_sessions (organization_id, program_id, title, default_locale, scheduled_at, status, started_at)
    values (${org.id}, ${panel.id}, 'Store hours', 'en', now(), 'live', now()) returning id`;
  const definition = {
    title: { en: "Which hours suit you?" },
    defaultLocale: "en",
    requiredLocales: ["en"],
    questions: [{ id: "answer", type: "single", required: true, prompt: { en: "Which hours suit you?" }, choices: [{ id: "c1", label: { en: "Mornings" } }, { id: "c2", label: { en: "Evenings" } }] }],
  };
  const [poll] = await sql`insert into live_polls (session_id, organization_id, position, kind, definition, status, opened_at)
    values (${session.id}, ${org.id}, 1, 'single', ${sql.json(definition)}, 'open', now()) returning id`;
  await sql`update live_sessions set current_poll_id = ${poll.id} where id = ${session.id}`;
  const cookie = (userId: string) => `authjs.session-token=token-${userId}`;
  return { orgId: org.id as string, slug: org.slug as string, sessionId: session.id as string, pollId: poll.id as string, moderator: userIds[0], participants: userIds.slice(1), cookie };
}

/** What appendLiveEvent does inside a use case's transaction: the next seq, the event row, the notification at commit. */
export async function appendPostEvent(sql: postgres.Sql, sessionId: string, author: string, body: string) {
  return sql.begin(async (tx) => {
    const [{ seq }] = await tx`update live_sessions set last_event_seq = last_event_seq + 1 where id = ${sessionId} returning last_event_seq as seq`;
    const [post] = await tx`insert into live_posts (session_id, user_id, body) values (${sessionId}, ${author}, ${body}) returning id, created_at`;
    const payload = { postId: post.id, body, createdAt: new Date(post.created_at).toISOString(), author: { userId: author, name: author } };
    await tx`insert into live_events (session_id, seq, kind, payload, actor_user_id) values (${sessionId}, ${seq}, 'post.created', ${tx.json(payload)}, ${author})`;
    await tx`select pg_notify('attune_live_events', ${`${sessionId}:${seq}`})`;
    return Number(seq);
  });
}
