/**
 * Failed queries must not write what they carried into a log. Drizzle puts a failed statement's
 * parameters (emails, free text) into the error's message and stack, and PostgreSQL's `detail`
 * repeats the offending values ("Key (email)=(…) already exists"). These keep the statement, the
 * error code and the constraint, which is what a developer needs, and drop the values.
 */
export interface RedactedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  cause?: RedactedError;
}

const QUERY_PREFIX = "Failed query: ";

function redactedMessage(error: Error & { query?: unknown }): string {
  if (error.message.startsWith(QUERY_PREFIX) && typeof error.query === "string") return `${QUERY_PREFIX}${error.query} [parameters withheld]`;
  return error.message;
}

export function redactError(error: unknown, depth = 0): RedactedError | unknown {
  if (!(error instanceof Error) || depth > 4) return error;
  const fields = error as Error & { query?: unknown; code?: unknown; constraint_name?: unknown; table_name?: unknown };
  const message = redactedMessage(fields);
  const redacted: RedactedError = {
    type: error.name,
    message,
    stack: error.stack?.replace(error.message, message),
  };
  if (typeof fields.code === "string") redacted.code = fields.code;
  if (typeof fields.constraint_name === "string") redacted.constraint = fields.constraint_name;
  if (typeof fields.table_name === "string") redacted.table = fields.table_name;
  if (error.cause !== undefined) redacted.cause = redactError(error.cause, depth + 1) as RedactedError;
  return redacted;
}

/** An error safe to hand to code that prints errors itself (Next's own logging): same kind, no values. */
export function withoutQueryValues(value: unknown): unknown {
  if (!(value instanceof Error) || !(value.message.startsWith(QUERY_PREFIX) || "detail" in value)) return value;
  const redacted = redactError(value) as RedactedError;
  const safe = new Error(redacted.message);
  safe.name = redacted.type;
  safe.stack = redacted.stack;
  if ("digest" in value) Object.assign(safe, { digest: (value as { digest: unknown }).digest });
  return safe;
}

const globalForConsole = globalThis as typeof globalThis & { __attuneConsoleRedacted?: boolean };

/** Next prints errors of pages and actions with console.error; those pass through the redaction too. */
export function redactConsoleErrors() {
  if (globalForConsole.__attuneConsoleRedacted) return;
  globalForConsole.__attuneConsoleRedacted = true;
  for (const method of ["error", "warn"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => original(...args.map(withoutQueryValues));
  }
}
