import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/authz/require-permission";
import { createInstrument } from "./create-instrument";
import type { Definition } from "./definition";
import { saveDraft } from "./save-draft";

/**
 * Creates an instrument whose draft is a whole definition at once (another system's survey, or a
 * default one), through the builder's own create and save: one transaction, nothing half-made.
 */
export async function createInstrumentFromDefinition(db: Db, actor: Actor | null, orgId: string, input: { name: string; definition: Definition }) {
  return db.transaction(async (tx) => {
    const instrument = await createInstrument(tx, actor, orgId, { name: input.name, defaultLocale: input.definition.defaultLocale });
    const { revision } = await saveDraft(tx, actor, orgId, { instrumentId: instrument.id, name: input.name, revision: 1, definition: input.definition });
    return { id: instrument.id, revision };
  });
}
