import type { Sql } from "postgres";

type Callback = (sql: Sql) => unknown;
// The same shape for begin(fn), begin(options, fn), savepoint(fn) and savepoint(name, fn).
type Scoped = (...args: [Callback] | [string, Callback]) => Promise<unknown>;

/**
 * A postgres.js client whose queries are prepared statements, cached per connection.
 *
 * Drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js
 * then sends every query with parameters twice: once to learn the parameters' types, once to run
 * it. On this machine each round trip is a socket write of about half a millisecond, so the app's
 * busiest paths spent half their time describing queries they had run a thousand times
 * (bench:ingest). A prepared statement is described once per connection; connections are recycled
 * every 30–60 minutes (postgres.js's `max_lifetime`), which bounds the cache of rarely used texts.
 */
export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const scoped = Reflect.get(target, property, target) as Scoped;
        return (...args: [Callback] | [string, Callback]) => {
          const callback = args.at(-1) as Callback;
          const wrapped: Callback = (sql) => callback(preparingStatements(sql));
          return args.length === 1 ? scoped.call(target, wrapped) : scoped.call(target, args[0] as string, wrapped);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
