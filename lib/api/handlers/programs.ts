import "server-only";
import { z } from "zod";
import { createProgram, type CreateProgramInput } from "@/lib/programs/create-program";
import { getProgram } from "@/lib/programs/get-program";
import { listPrograms } from "@/lib/programs/list-programs";
import { updateProgram } from "@/lib/programs/update-program";
import { decodeCursor, encodeCursor } from "../common-schemas";
import type { createProgramOperation, getProgramOperation, listProgramsOperation, updateProgramOperation } from "../operations/programs";
import type { HandlerOf } from "./handler";

const cursorShape = z.tuple([z.iso.datetime(), z.uuid()]);

// GET /programs
export const listProgramsHandler: HandlerOf<typeof listProgramsOperation> = async ({ db, actor, org, query }) => {
  const [createdAt, id] = (decodeCursor(query.cursor, cursorShape) ?? []) as string[];
  const page = await listPrograms(db, actor, org, { kind: query.kind, status: query.status, limit: query.limit, after: id ? { createdAt: new Date(createdAt), id } : null });
  return { data: page.programs, nextCursor: page.next ? encodeCursor([page.next.createdAt.toISOString(), page.next.id]) : null };
};

// GET /programs/{programId}
export const getProgramHandler: HandlerOf<typeof getProgramOperation> = async ({ db, actor, org, params }) => getProgram(db, actor, org.id, params.programId);

// POST /programs
export const createProgramHandler: HandlerOf<typeof createProgramOperation> = async ({ db, actor, org, body }) => {
  const { id } = await createProgram(db, actor, org.id, body as CreateProgramInput);
  return getProgram(db, actor, org.id, id);
};

// PATCH /programs/{programId}
export const updateProgramHandler: HandlerOf<typeof updateProgramOperation> = async ({ db, actor, org, params, body }) => {
  await updateProgram(db, actor, org.id, params.programId, body);
  return getProgram(db, actor, org.id, params.programId);
};
