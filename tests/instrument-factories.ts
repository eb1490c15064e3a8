import type { Db } from "@/db/connect";
import type { Role } from "@/lib/authz/roles";
import { createInstrument } from "@/lib/instruments/create-instrument";
import type { Definition } from "@/lib/instruments/definition";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { setAvailability } from "@/lib/instruments/set-availability";
import { createMember } from "./factories";

const text = (en: string) => ({ en, pl: `${en} (pl)`, ru: `${en} (ru)` });
const labels = ["1", "2", "3", "4", "5"].map((point) => text(`Point ${point}`));

/** A small instrument with one question of each answerable type; nps and emp are required. */
export function sampleDefinition(): Definition {
  return {
    title: text("Visit check-in"),
    defaultLocale: "en",
    requiredLocales: ["en", "pl", "ru"],
    questions: [
      { id: "intro", type: "stimulus", prompt: text("Welcome"), required: false, copy: text("Thanks for coming") },
      { id: "nps", code: "NPS", type: "scale", min: 0, max: 10, prompt: text("Recommend us?"), required: true },
      { id: "emp", code: "SERVQUAL_EMP_1", type: "likert", points: 5, labels, prompt: text("Staff cared"), required: true },
      { id: "stars", type: "rating", max: 5, style: "stars", prompt: text("Rate the visit"), required: false },
      { id: "reason", type: "single", choices: [{ id: "buy", label: text("Buy") }, { id: "browse", label: text("Browse") }], prompt: text("Why?"), required: false },
      { id: "depts", type: "multiple", allowOther: true, maxSelected: 2, choices: [{ id: "shoes", label: text("Shoes") }, { id: "tents", label: text("Tents") }, { id: "bikes", label: text("Bikes") }], prompt: text("Where?"), required: false },
      { id: "rank", type: "ranking", choices: [{ id: "price", label: text("Price") }, { id: "advice", label: text("Advice") }], prompt: text("Order"), required: false },
      { id: "grid", type: "matrix", points: 5, labels, rows: [{ id: "clean", label: text("Clean") }, { id: "calm", label: text("Calm") }], prompt: text("The store"), required: false },
      { id: "comment", type: "text", multiline: true, maxLength: 50, prompt: text("Anything else?"), required: false },
    ],
  };
}

/** A researcher creates, publishes and opens an instrument; returns its id and the researcher. */
export async function createOpenInstrument(db: Db, orgId: string, { definition = sampleDefinition(), audience = ["participant"] as Array<Extract<Role, "participant" | "frontline">>, isOpen = true } = {}) {
  const researcher = await createMember(db, orgId, "researcher");
  const instrument = await createInstrument(db, researcher.actor, orgId, { name: "Visit check-in", defaultLocale: "en" });
  await saveDraft(db, researcher.actor, orgId, { instrumentId: instrument.id, name: "Visit check-in", revision: 1, definition });
  await publishInstrument(db, researcher.actor, orgId, { instrumentId: instrument.id });
  await setAvailability(db, researcher.actor, orgId, { instrumentId: instrument.id, isOpen, audience });
  return { instrumentId: instrument.id, researcher };
}
