import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/api/common-schemas";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { afterParticipant, participantPosition, readParticipants, type Participant } from "./read-participants";
import { listParticipantsSchema, type ListParticipantsInput } from "./schemas";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A page of the organization's participants (and frontline staff) by email, searched by email and filtered by role or one attribute. */
export async function listParticipants(db: Db, actor: Actor | null, org: OrgRef, rawInput: ListParticipantsInput): Promise<{ data: Participant[]; nextCursor: string | null }> {
  const { organization } = await requirePermission(db, actor, org, "participants.view");
  const { email, role, attribute, cursor, limit } = listParticipantsSchema.parse(rawInput);
  const after = decodeCursor(cursor, z.tuple([z.string(), z.string()])) as [string, string] | null;
  const where: SQL[] = [];
  if (email) where.push(sql`lower(${users.email}) like ${`%${escapeLike(email)}%`}`);
  if (role) where.push(sql`${memberships.role} = ${role}`);
  if (attribute) where.push(sql`${memberships.attributes} ->> ${attribute.key} = ${attribute.value}`);
  if (after) where.push(afterParticipant(after));
  const rows = await readParticipants(db, organization.id, where, limit + 1);
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(participantPosition(data.at(-1)!)) : null };
}

/** One participant of the organization by user id; anyone else (staff, another organization's member) is not found. */
export async function getParticipant(db: Db, actor: Actor | null, org: OrgRef, participantId: string): Promise<Participant> {
  const { organization } = await requirePermission(db, actor, org, "participants.view");
  return findParticipant(db, organization.id, participantId);
}

export async function findParticipant(db: Db, organizationId: string, participantId: string): Promise<Participant> {
  // User ids are uuids for every person (a key's own row is not a member, so never matches).
  if (!isUuid(participantId)) throw new AppError("NOT_FOUND", "notFound");
  const [participant] = await readParticipants(db, organizationId, [sql`${users.id} = ${participantId}`], 1);
  if (!participant) throw new AppError("NOT_FOUND", "notFound");
  return participant;
}
