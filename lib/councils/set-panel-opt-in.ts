import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { recordConsent } from "@/lib/consent/record-consent";

const setPanelOptInSchema = z.object({ councilId: z.uuid({ message: "notFound" }), panelOptIn: z.preprocess((value) => value === "yes" || value === true, z.boolean()) });

/**
 * A council member changes whether they may be asked to join panels too: the council's "panels"
 * consent purpose, recorded like any other (one source of truth for the opt-in).
 */
export async function setPanelOptIn(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { councilId, panelOptIn } = setPanelOptInSchema.parse(input);
  await recordConsent(db, actor, orgId, { kind: "council", programId: councilId, purpose: "panels", granted: panelOptIn }, now);
}
