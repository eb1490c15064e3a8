// Shared by server actions and the client forms that show their outcome; no dependencies, so a
// client bundle that imports it stays small.

/** What a server action returns to its form: success with a message key, or catalog keys per field. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message?: string; values?: Record<string, string> }
  | { status: "error"; error: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export const IDLE: ActionState = { status: "idle" };
