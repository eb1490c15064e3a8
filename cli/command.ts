import type { ParseArgsConfig } from "node:util";
import type { Db } from "@/db/client";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & {
  /** One line for --help; "<value>" names the argument. */
  help: string;
  isRequired?: boolean;
};

export interface CommandContext {
  /** Opens (and migrates) the database the app uses, once; only after the input was checked. */
  db: () => Promise<Db>;
  /** The directory the command was started from, for relative file paths. */
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Option names for the fields a domain schema reports (e.g. defaultLocale → --locale). */
  fieldOptions?: Record<string, string>;
  run: (values: Record<string, string | boolean | undefined>, context: CommandContext) => Promise<void>;
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 1. */
export class UsageError extends Error {}

export const JSON_OPTION: OptionSpec = { type: "boolean", help: "--json  print the result as JSON on stdout" };

/** A string option's value, trimmed ("" when absent: required options are checked before run). */
export function text(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value.trim() : "";
}

export function optionalText(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  return text(values, name) || undefined;
}

/** Prints a result as JSON (--json) or as lines for a person. */
export function report(context: CommandContext, values: Record<string, string | boolean | undefined>, result: unknown, lines: string[]) {
  context.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${lines.join("\n")}\n`);
}
