import pino from "pino";
// The real module: scripts/attune.mjs sends every other import of "@/lib/log" here.
import { createLog } from "@/lib/log";

/** The command line's log: the same logger on stderr, so stdout carries only a command's output (e.g. --json). */
export const log = createLog(pino.destination(2));
