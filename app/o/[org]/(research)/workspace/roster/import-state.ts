import type { RosterImportPlan } from "@/lib/roster/import-roster";

/** The two-step import as the form sees it: choose a file, check its preview, confirm. */
export type RosterImportState =
  | { status: "idle" }
  | { status: "error"; error: string }
  | { status: "preview"; plan: RosterImportPlan; csv: string; deactivateMissing: boolean }
  | { status: "imported"; counts: RosterImportPlan["counts"] };

export const IMPORT_IDLE: RosterImportState = { status: "idle" };
