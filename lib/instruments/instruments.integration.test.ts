import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { instrumentVersions, instruments } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import { createPanel } from "@/tests/poll-factories";
import { createInstrument } from "./create-instrument";
import { getInstrument } from "./get-instrument";
import { listInstrumentPrograms, listInstruments } from "./list-instruments";
import { publishInstrument } from "./publish-instrument";
import { saveDraft } from "./save-draft";
import { setAvailability } from "./set-availability";

describe("instruments", () => {
  const database = useTestDatabase();

  it("saves drafts, refuses a save from an outdated revision, and publishes numbered versions", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { id } = await createInstrument(db, researcher.actor, org.id, { name: "Store visit", defaultLocale: "en" });
      await expect(publishInstrument(db, researcher.actor, org.id, { instrumentId: id })).rejects.toMatchObject({ messageKey: "publishNoQuestions" });

      const { revision } = await saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Store visit", revision: 1, definition: everyTypeDefinition() });
      expect(revision).toBe(2);
      await expect(saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Lost edit", revision: 1, definition: everyTypeDefinition() })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "draftOutdated" });

      expect(await publishInstrument(db, researcher.actor, org.id, { instrumentId: id })).toMatchObject({ version: 1 });
      const relabelled = everyTypeDefinition();
      relabelled.questions[2] = { ...relabelled.questions[2], prompt: { en: "Overall, how satisfied?", pl: "Ogólnie?", ru: "В целом?" } };
      await saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Store visit", revision: 2, definition: relabelled });
      expect(await publishInstrument(db, researcher.actor, org.id, { instrumentId: id })).toMatchObject({ version: 2 });

      const versions = await db.select({ version: instrumentVersions.version, definition: instrumentVersions.definition }).from(instrumentVersions).where(eq(instrumentVersions.instrumentId, id));
      expect(versions.find((v) => v.version === 1)!.definition.questions[2].prompt.en).toBe("How satisfied are you?");
      const instrument = await getInstrument(db, researcher.actor, org.id, id);
      expect(instrument.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(instrument.hasUnpublishedChanges).toBe(false);
    });
  });

  it("blocks publishing while a required language is missing and when a question changes meaning", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const { id } = await createInstrument(db, researcher.actor, org.id, { name: "Pulse", defaultLocale: "en" });
      const untranslated = everyTypeDefinition();
      untranslated.questions[1] = { ...untranslated.questions[1], prompt: { en: "Recommend us?" } };
      await saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Pulse", revision: 1, definition: untranslated });
      await expect(publishInstrument(db, researcher.actor, org.id, { instrumentId: id })).rejects.toMatchObject({ messageKey: "publishMissingTranslations" });

      // Marking Polish and Russian optional lets them fall back to English.
      await saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Pulse", revision: 2, definition: { ...untranslated, requiredLocales: ["en"] } });
      await publishInstrument(db, researcher.actor, org.id, { instrumentId: id });

      const changed = { ...untranslated, requiredLocales: ["en" as const] };
      changed.questions = changed.questions.map((q) => (q.id === "stars" ? { ...q, max: 10 as const } : q));
      await saveDraft(db, researcher.actor, org.id, { instrumentId: id, name: "Pulse", revision: 3, definition: changed });
      await expect(publishInstrument(db, researcher.actor, org.id, { instrumentId: id })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { stars: "questionChangedMeaning" } });
      expect((await getInstrument(db, researcher.actor, org.id, id)).latestVersion).toBe(1);
    });
  });

  it("opens only published instruments, and keeps instruments inside their organization and role", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const outsider = await createMember(db, other.id, "researcher");
      const leader = await createMember(db, org.id, "leader");
      const { id } = await createInstrument(db, researcher.actor, org.id, { name: "Pulse", defaultLocale: "pl" });
      await expect(setAvailability(db, researcher.actor, org.id, { instrumentId: id, isOpen: true, audience: ["participant"] })).rejects.toMatchObject({ messageKey: "openUnpublished" });

      await expect(getInstrument(db, outsider.actor, other.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getInstrument(db, outsider.actor, org.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveDraft(db, outsider.actor, other.id, { instrumentId: id, name: "Hijack", revision: 1, definition: everyTypeDefinition() })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(publishInstrument(db, outsider.actor, other.id, { instrumentId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listInstruments(db, leader.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await listInstruments(db, outsider.actor, other.id)).toEqual([]);
      expect((await listInstruments(db, researcher.actor, org.id)).map((i) => i.name)).toEqual(["Pulse"]);
    });
  });

  it("lists one program's instruments, or those of no program, with the program named", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { panel, researcher } = await createPanel(db, org.id);
      const loose = await createInstrument(db, researcher.actor, org.id, { name: "Loose survey", defaultLocale: "en" });
      const inPanel = await createInstrument(db, researcher.actor, org.id, { name: "Panel survey", defaultLocale: "en" });
      await db.update(instruments).set({ programId: panel.id }).where(eq(instruments.id, inPanel.id));

      const byProgram = await listInstruments(db, researcher.actor, org.id, { program: panel.id });
      expect(byProgram.map((i) => [i.name, i.program?.name, i.program?.kind])).toEqual([["Panel survey", "Customer panel", "panel"]]);
      expect((await listInstruments(db, researcher.actor, org.id, { program: "none" })).map((i) => [i.id, i.program])).toEqual([[loose.id, null]]);
      expect(await listInstruments(db, researcher.actor, org.id, { program: "not-a-program" })).toHaveLength(2);
      expect((await listInstrumentPrograms(db, researcher.actor, org.id)).map((p) => p.name)).toEqual(["Customer panel"]);
    });
  });
});
