import type { Db } from "@/db/connect";
import type { Definition } from "@/lib/instruments/definition";
import { createInstrument } from "@/lib/instruments/create-instrument";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { setAvailability } from "@/lib/instruments/set-availability";
import { everyTypeDefinition } from "./instrument-fixtures";

/** A published instrument open to customers, built through the same use cases as the builder. */
export async function createOpenInstrument(db: Db, researcher: { userId: string }, orgId: string, definition: Definition = everyTypeDefinition()) {
  const { id } = await createInstrument(db, researcher, orgId, { name: "Store visit", defaultLocale: "en" });
  await saveDraft(db, researcher, orgId, { instrumentId: id, name: "Store visit", revision: 1, definition });
  await publishInstrument(db, researcher, orgId, { instrumentId: id });
  await setAvailability(db, researcher, orgId, { instrumentId: id, isOpen: true, audience: ["participant"] });
  return id;
}
