/**
 * Work done from the command line by an operator with database access: there is no signed-in
 * user, so entries have no actor, and this detail tells them from the system's own work.
 */
export const OPERATOR_AUDIT_DETAILS = { via: "cli" } as const;

export function isOperatorEntry(details: Record<string, unknown>): boolean {
  return details.via === OPERATOR_AUDIT_DETAILS.via;
}
