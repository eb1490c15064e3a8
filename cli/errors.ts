import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/http/zod-errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { redactError, type RedactedError } from "@/lib/log-redaction";
import { UsageError, type Command } from "./command";

type Catalog = Record<string, unknown>;
// The shared errors first, then a page's own (e.g. privacy.errors), as the pages look them up.
const ERROR_CATALOGS: Catalog[] = [MESSAGES.en.errors, ...Object.values(MESSAGES.en as Record<string, Catalog>).flatMap((namespace) => (typeof namespace.errors === "object" && namespace.errors ? [namespace.errors as Catalog] : []))];

/** A catalog error key in English (the same texts the pages show), or the key itself when unknown. */
function errorText(key: string): string {
  const message = ERROR_CATALOGS.map((catalog) => catalog[key]).find((text) => typeof text === "string");
  return typeof message === "string" ? message : key;
}

function optionName(command: Command | undefined, field: string): string {
  const named = command?.fieldOptions?.[field];
  if (named) return named;
  return `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** What went wrong, for stderr: usage mistakes, the domain's refusals with the field they concern, or an unexpected failure. */
export function describeError(error: unknown, command?: Command): string {
  const help = command ? `attune ${command.name} --help` : "attune --help";
  if (error instanceof UsageError) return `error: ${error.message}\nSee: npm run ${help.replace("attune ", "attune -- ")}`;
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return describeError(new UsageError(error.message), command);
  const fieldErrors = error instanceof ZodError ? fieldErrorsFromZod(error) : isAppError(error) ? (error.fieldErrors ?? {}) : {};
  const fields = Object.entries(fieldErrors).map(([field, key]) => `${optionName(command, field)}: ${errorText(key)}`);
  if (fields.length === 1) return `error: ${fields[0]}`;
  if (isAppError(error) || error instanceof ZodError) {
    const summary = isAppError(error) ? errorText(error.messageKey) : "the input is not valid.";
    return [`error: ${summary}`, ...fields.map((line) => `  ${line}`)].join("\n");
  }
  // Never the parameters of a failed query: they may carry emails or answers.
  const redacted = redactError(error) as RedactedError;
  return `error: unexpected failure: ${redacted?.message ?? String(error)}`;
}
