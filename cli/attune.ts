import { parseArgs } from "node:util";
import { closeDatabase, getDb } from "@/db/client";
import { redactConsoleErrors } from "@/lib/log-redaction";
import { UsageError, type Command, type CommandContext } from "./command";
import { createApiKeyCommand, revokeApiKeyCommand } from "./commands/api-key";
import { migrate, seedDemoCommand } from "./commands/database";
import { createMemberCommand, inviteMemberCommand } from "./commands/member";
import { createOrganizationCommand } from "./commands/organization";
import { eraseParticipantCommand, exportParticipantCommand } from "./commands/participant";
import { describeError } from "./errors";

export const COMMANDS: Command[] = [migrate, seedDemoCommand, createOrganizationCommand, createMemberCommand, inviteMemberCommand, createApiKeyCommand, revokeApiKeyCommand, exportParticipantCommand, eraseParticipantCommand];

export interface CliIo {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "Attune's admin command line: the same database and rules as the app, for an operator with access to its settings.",
    "",
    "Usage: npm run attune -- <command> [--options]     (npm run attune -- <command> --help for its options)",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "The database is the app's: DATABASE_URL, or embedded PGlite in ATTUNE_DATA_DIR (default .data/pglite; stop the server first, one process per folder).",
    "",
  ].join("\n");
}

function commandHelp(command: Command): string {
  return [`Usage: npm run attune -- ${command.name} [--options]`, "", `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`, "", "Options:", ...Object.values(command.options).map((option) => `  ${option.help}${option.isRequired ? "  (required)" : ""}`), "  --help  this text", ""].join("\n");
}

/** Runs one command; resolves to the process's exit code (0, or 1 with the reason on stderr). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(overview());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${overview()}`);
    return 1;
  }
  let isDatabaseOpen = false;
  const context: CommandContext = {
    ...io,
    db: () => {
      isDatabaseOpen = true;
      return getDb();
    },
  };
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([key, { type }]) => [key, { type }]));
    const { values } = parseArgs({ args: rest, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    if (values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    const given = values as Record<string, string | boolean | undefined>;
    const missing = Object.entries(command.options).filter(([key, option]) => option.isRequired && !(typeof given[key] === "string" && given[key].trim()));
    if (missing.length > 0) throw new UsageError(`missing ${missing.map(([key]) => `--${key}`).join(", ")}`);
    await command.run(given, context);
    return 0;
  } catch (error) {
    io.err(`${describeError(error, command)}\n`);
    return 1;
  } finally {
    if (isDatabaseOpen) await closeDatabase();
  }
}

/** The process entry (scripts/attune.mjs): stdout carries only the command's output; logs and notices go to stderr. */
export async function run(argv: string[], cwd: string): Promise<number> {
  redactConsoleErrors();
  console.log = console.error;
  return main(argv, { cwd, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
}
