import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { renewProgramConsent } from "@/lib/programs/renew-program-consent";
import { optionalAnswersFromForm } from "@/lib/consent/schemas";
import { councilIdSchema } from "./schemas";

/** A member accepts the council's changed consent texts (research, and yes or no to changed optional purposes) and takes part again. */
export async function renewConsent(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { councilId } = councilIdSchema.parse(input);
  await renewProgramConsent(db, actor, orgId, "council", councilId, now, optionalAnswersFromForm(input as Record<string, string>));
}
