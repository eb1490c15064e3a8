import "server-only";
import { z } from "zod";
import { createInstrumentFromDefinition } from "@/lib/instruments/create-instrument-from-definition";
import { getInstrument } from "@/lib/instruments/get-instrument";
import { getInstrumentVersion } from "@/lib/instruments/get-instrument-version";
import { listInstrumentsPage } from "@/lib/instruments/list-instruments";
import { publishInstrument } from "@/lib/instruments/publish-instrument";
import { saveDraft } from "@/lib/instruments/save-draft";
import { setAvailability } from "@/lib/instruments/set-availability";
import { decodeCursor, encodeCursor } from "../common-schemas";
import type * as operations from "../operations/instruments";
import type { HandlerOf } from "./handler";

const cursorShape = z.tuple([z.iso.datetime(), z.uuid()]);

type Audience = "participant" | "frontline";
/** Only setAvailability writes an audience, and only of these roles. */
const withAudience = <T extends { audience: string[] }>(instrument: T) => ({ ...instrument, audience: instrument.audience as Audience[] });
const readInstrument = async (...args: Parameters<typeof getInstrument>) => withAudience(await getInstrument(...args));

// GET /instruments
export const listInstrumentsHandler: HandlerOf<typeof operations.listInstrumentsOperation> = async ({ db, actor, org, query }) => {
  const [createdAt, id] = (decodeCursor(query.cursor, cursorShape) ?? []) as string[];
  const page = await listInstrumentsPage(db, actor, org.id, { program: query.programId }, { limit: query.limit, after: id ? { createdAt: new Date(createdAt), id } : null });
  return {
    data: page.instruments.map(({ completed, ...instrument }) => ({ ...withAudience(instrument), completedResponses: completed })),
    nextCursor: page.next ? encodeCursor([page.next.createdAt.toISOString(), page.next.id]) : null,
  };
};

// GET /instruments/{instrumentId}
export const getInstrumentHandler: HandlerOf<typeof operations.getInstrumentOperation> = async ({ db, actor, org, params }) => readInstrument(db, actor, org.id, params.instrumentId);

// POST /instruments
export const createInstrumentHandler: HandlerOf<typeof operations.createInstrumentOperation> = async ({ db, actor, org, body }) => {
  const { id } = await createInstrumentFromDefinition(db, actor, org.id, body);
  return readInstrument(db, actor, org.id, id);
};

// PUT /instruments/{instrumentId}/draft
export const saveInstrumentDraftHandler: HandlerOf<typeof operations.saveInstrumentDraftOperation> = async ({ db, actor, org, params, body }) => {
  await saveDraft(db, actor, org.id, { instrumentId: params.instrumentId, ...body });
  return readInstrument(db, actor, org.id, params.instrumentId);
};

// POST /instruments/{instrumentId}/publish
export const publishInstrumentHandler: HandlerOf<typeof operations.publishInstrumentOperation> = async ({ db, actor, org, params }) => publishInstrument(db, actor, org.id, { instrumentId: params.instrumentId });

// POST /instruments/{instrumentId}/availability
export const setInstrumentAvailabilityHandler: HandlerOf<typeof operations.setInstrumentAvailabilityOperation> = async ({ db, actor, org, params, body }) => {
  await setAvailability(db, actor, org.id, { instrumentId: params.instrumentId, ...body });
  return readInstrument(db, actor, org.id, params.instrumentId);
};

// GET /instruments/{instrumentId}/versions
export const listInstrumentVersionsHandler: HandlerOf<typeof operations.listInstrumentVersionsOperation> = async ({ db, actor, org, params }) => ({
  data: (await getInstrument(db, actor, org.id, params.instrumentId)).versions,
});

// GET /instruments/{instrumentId}/versions/{version}
export const getInstrumentVersionHandler: HandlerOf<typeof operations.getInstrumentVersionOperation> = async ({ db, actor, org, params }) =>
  getInstrumentVersion(db, actor, org.id, params.instrumentId, params.version);
