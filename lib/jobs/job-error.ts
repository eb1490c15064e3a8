const EMAIL = /[^\s@<>"'(),;:[\]]+@[^\s@<>"'(),;:[\]]+\.[^\s@<>"'(),;:[\]]+/g;
const MAX_ERROR_LENGTH = 2000;

const redact = (text: string) => text.replace(EMAIL, "[email]");

/**
 * A failed job's error as admins see it on the jobs page and as it is logged: a mail server's
 * "550 <ana@…> rejected" names the recipient, and neither the page nor the logs may name anyone.
 */
export function describeJobError(error: unknown): { message: string; log: { type: string; message: string; stack?: string } } {
  const raw = error instanceof Error ? error.message : String(error);
  const message = redact(raw).slice(0, MAX_ERROR_LENGTH);
  const stack = error instanceof Error && error.stack ? redact(error.stack) : undefined;
  return { message, log: { type: error instanceof Error ? error.name : typeof error, message, stack } };
}
