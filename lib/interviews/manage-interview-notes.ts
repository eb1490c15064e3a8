import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { codingItems, interviewNotes, memberships, programs, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { analyzePendingItems } from "@/lib/coding/sync-coding-items";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { parseInterviewFile } from "./parse-interview-file";
import { interviewNoteSchema, type InterviewNoteInput } from "./schemas";

/*
 * Notes or a transcript of a dedicated interview. Saving one creates its coding item in the same
 * transaction (source 'interview', said on the interview's date) and reads it, so it is in the
 * inbox at once. When the interviewed member is picked, the note is tied to their account (their
 * erasure takes it, its item and highlights by cascade) and starts from their segment attributes.
 */

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The org's participant with this email, or a field error. */
async function findParticipant(tx: Db, organizationId: string, email: string) {
  const [member] = await tx
    .select({ userId: memberships.userId, attributes: memberships.attributes })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "participant"), sql`lower(${users.email}) = ${email}`));
  if (!member) throw new AppError("INVALID", "interviewParticipantNotFound", { participantEmail: "interviewParticipantNotFound" });
  return member;
}

export async function addInterviewNote(db: Db, actor: Actor | null, orgId: string, input: InterviewNoteInput, file?: UploadedFile | null) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const fields = interviewNoteSchema.parse(input);
  const uploaded = file && file.bytes.length > 0 ? await parseInterviewFile(file) : null;
  const body = uploaded?.body ?? fields.body;
  if (body === "") throw new AppError("INVALID", "interviewBodyEmpty", { body: "interviewBodyEmpty" });
  return db.transaction(async (tx) => {
    if (fields.programId) {
      const [program] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.id, fields.programId), eq(programs.organizationId, organization.id)));
      if (!program) throw new AppError("INVALID", "notFound", { programId: "notFound" });
    }
    const participant = fields.participantEmail ? await findParticipant(tx, organization.id, fields.participantEmail) : null;
    const attributes = { ...(participant?.attributes ?? {}), ...fields.attributes };
    const [note] = await tx
      .insert(interviewNotes)
      .values({
        organizationId: organization.id,
        programId: fields.programId ?? null,
        title: fields.title,
        participantLabel: fields.participantLabel,
        participantUserId: participant?.userId ?? null,
        attributes,
        interviewedOn: fields.interviewedOn,
        body,
        sourceFormat: uploaded?.format ?? "pasted",
        createdByUserId: actor!.userId,
      })
      .returning({ id: interviewNotes.id, title: interviewNotes.title });
    const [item] = await tx
      .insert(codingItems)
      .values({ organizationId: organization.id, source: "interview", interviewNoteId: note.id, programId: fields.programId ?? null, speakerUserId: participant?.userId ?? null, attributes, saidAt: new Date(`${fields.interviewedOn}T00:00:00Z`) })
      .returning({ id: codingItems.id });
    await analyzePendingItems(tx, organization.id);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "interview_note.added", targetType: "interview_note", targetId: note.id, details: { format: uploaded?.format ?? "pasted", linkedToMember: participant !== null } });
    return { ...note, itemId: item.id };
  });
}

const LIST_COLUMNS = {
  id: interviewNotes.id,
  title: interviewNotes.title,
  participantLabel: interviewNotes.participantLabel,
  interviewedOn: interviewNotes.interviewedOn,
  programName: programs.name,
  sourceFormat: interviewNotes.sourceFormat,
  length: sql<number>`char_length(${interviewNotes.body})::int`,
  isLinked: sql<boolean>`${interviewNotes.participantUserId} is not null`,
};

/** The organization's interview notes, newest interview first. */
export async function listInterviewNotes(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  const rows = await db
    .select(LIST_COLUMNS)
    .from(interviewNotes)
    .leftJoin(programs, eq(programs.id, interviewNotes.programId))
    .where(eq(interviewNotes.organizationId, organization.id))
    .orderBy(desc(interviewNotes.interviewedOn), desc(interviewNotes.createdAt))
    .limit(500);
  return rows.map((row) => ({ ...row, length: Number(row.length) }));
}

/** One note with its text, read-only. */
export async function getInterviewNote(db: Db, actor: Actor | null, orgId: string, noteId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  if (!isUuid(noteId)) throw new AppError("NOT_FOUND", "notFound");
  const [note] = await db
    .select({ ...LIST_COLUMNS, body: interviewNotes.body, attributes: interviewNotes.attributes })
    .from(interviewNotes)
    .leftJoin(programs, eq(programs.id, interviewNotes.programId))
    .where(and(eq(interviewNotes.id, noteId), eq(interviewNotes.organizationId, organization.id)));
  if (!note) throw new AppError("NOT_FOUND", "notFound");
  return { ...note, length: Number(note.length) };
}

/** Deletes a note; the cascade takes its coding item, highlights and any evidence citing them. */
export async function deleteInterviewNote(db: Db, actor: Actor | null, orgId: string, noteId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "insights.code");
  if (!isUuid(noteId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(interviewNotes).where(and(eq(interviewNotes.id, noteId), eq(interviewNotes.organizationId, organization.id))).returning({ id: interviewNotes.id });
    if (deleted.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "interview_note.deleted", targetType: "interview_note", targetId: noteId });
  });
}

/** The org's programs a note can belong to (councils and panels), for the form. */
export async function listInterviewPrograms(db: Db, organizationId: string) {
  return db
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(and(eq(programs.organizationId, organizationId), sql`${programs.kind} <> 'frontline'`))
    .orderBy(programs.name);
}
