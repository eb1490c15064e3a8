import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { webhookUrlProblem } from "./url-rules";

/** The URL as it will be stored (normalized), or a field error naming the rule it breaks. */
export function checkedEndpointUrl(raw: string): string {
  const problem = webhookUrlProblem(raw, { allowLoopback: env.ATTUNE_WEBHOOKS_ALLOW_LOOPBACK });
  if (problem) throw new AppError("INVALID", "formHasErrors", { url: problem });
  return new URL(raw).href;
}

/** What the audit log keeps of a URL: its host (a path may carry the receiver's own token). */
export function auditedHost(url: string): string {
  return new URL(url).host;
}
