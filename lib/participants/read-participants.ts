import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, programMembers, programs, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { PARTICIPANT_ROLES } from "./schemas";

export interface ParticipantProgram {
  id: string;
  kind: "council" | "frontline" | "panel";
  name: string;
  status: "pending_consent" | "active" | "left";
}

export interface Participant {
  id: string;
  email: string | null;
  name: string | null;
  locale: Locale | null;
  role: (typeof PARTICIPANT_ROLES)[number];
  attributes: Record<string, string>;
  isActive: boolean;
  programs: ParticipantProgram[];
  createdAt: Date;
}

/**
 * Participants of the organization matching `where`, by email then id, with the councils and panels
 * each belongs to. Frontline staff belong to their programs through the roster, so theirs is empty.
 */
export async function readParticipants(db: Db, organizationId: string, where: SQL[], limit: number): Promise<Participant[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: memberships.role,
      attributes: memberships.attributes,
      deactivatedAt: memberships.deactivatedAt,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, [...PARTICIPANT_ROLES]), ...where))
    .orderBy(asc(sql`coalesce(${users.email}, '')`), asc(users.id))
    .limit(limit);
  const ids = rows.map((row) => row.id);
  const joined =
    ids.length === 0
      ? []
      : await db
          .select({ userId: programMembers.userId, id: programs.id, kind: programs.kind, name: programs.name, status: programMembers.status })
          .from(programMembers)
          .innerJoin(programs, eq(programs.id, programMembers.programId))
          .where(and(eq(programMembers.organizationId, organizationId), inArray(programMembers.userId, ids)))
          .orderBy(asc(programs.name), asc(programs.id));
  return rows.map(({ deactivatedAt, role, ...row }) => ({
    ...row,
    role: role as Participant["role"],
    isActive: deactivatedAt === null,
    programs: joined.filter((program) => program.userId === row.id).map((program) => ({ id: program.id, kind: program.kind, name: program.name, status: program.status })),
  }));
}

/** The keyset position after a participant: their email and id (an email may be missing on an old account). */
export const participantPosition = (participant: Pick<Participant, "email" | "id">): [string, string] => [participant.email ?? "", participant.id];

export const afterParticipant = ([email, id]: [string, string]) => sql`(coalesce(${users.email}, ''), ${users.id}) > (${email}, ${id})`;
