import pino from "pino";
import { env } from "@/lib/env";
import { redactError } from "@/lib/log-redaction";

// Structured JSON logs. Callers pass ids and counts, never response contents or personal data;
// the redact list is a safety net for fields that must never be written even by mistake.
export function createLog(destination?: pino.DestinationStream) {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { service: "attune" },
      serializers: { err: (error: unknown) => redactError(error) },
      redact: { paths: ["email", "*.email", "name", "*.name", "text", "*.text", "answers", "*.answers", "token", "*.token", "url", "*.url"], censor: "[redacted]" },
    },
    destination,
  );
}

export const log = createLog();
