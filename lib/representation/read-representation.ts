import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, type MemberProfile } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { uuidList } from "@/db/sql-lists";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { profileAttributes } from "@/lib/panels/panel-attributes";
import { compareRepresentation, type Person, type Representation } from "./compare-representation";

export type { Representation } from "./compare-representation";

/*
 * Reads who spoke in a set of coding items and who could have, for compareRepresentation.
 * Speakers: distinct people (an interview counts as its participant's voice; an item with no known
 * speaker, e.g. an interview with no member picked, counts as one voice), with the attributes they had when they spoke (their latest item's).
 * Population: the active members of the council or panel programs the items come from (segment
 * attributes, then their program profile); for field reports, the active frontline staff roster;
 * for items from no program, the organization's active participants.
 */

function mergeAttributes(segment: Record<string, unknown>, profile: MemberProfile | null): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of [segment, profile ? profileAttributes(profile) : {}]) {
    for (const [key, value] of Object.entries(source)) if (typeof value === "string" && value !== "") merged[key] = value;
  }
  return merged;
}

/** Representation of the voices in these items (the caller has authorized access to them). */
export async function readRepresentation(db: Db, organizationId: string, itemIds: readonly string[]): Promise<Representation> {
  const ids = [...new Set(itemIds)];
  const [organization] = await db.select({ minGroupSize: organizations.minGroupSize, minCommentGroupSize: organizations.minCommentGroupSize }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization || ids.length === 0) return compareRepresentation([], [], { minGroupSize: null });
  const items = rowsOf<{ speaker: string; attributes: Record<string, unknown> }>(
    await db.execute(sql`
      select distinct on (speaker) coalesce(c.speaker_user_id, c.id::text) as speaker, c.attributes
      from coding_items c
      where c.organization_id = ${organizationId}::uuid and c.id = any(${uuidList(ids)})
      order by speaker, c.said_at desc`),
  );
  // Sources are read over all items (not per speaker) so a mixed set knows everything it holds.
  const sources = rowsOf<{ program_id: string | null; program_kind: string | null; source: string }>(
    await db.execute(sql`
      select distinct c.program_id, p.kind as program_kind, c.source
      from coding_items c left join programs p on p.id = c.program_id
      where c.organization_id = ${organizationId}::uuid and c.id = any(${uuidList(ids)})`),
  );
  const isFrontline = (row: { source: string; program_kind: string | null }) => row.source === "field_report" || row.program_kind === "frontline";
  const hasFrontline = sources.some(isFrontline);
  const programIds = [...new Set(sources.filter((row) => row.program_id && !isFrontline(row)).map((row) => row.program_id!))];
  const hasUnprogrammed = sources.some((row) => !row.program_id && !isFrontline(row));
  const populationRows = rowsOf<{ user_id: string; attributes: Record<string, unknown>; profile: MemberProfile | null }>(
    await db.execute(sql`
      select m.user_id, m.attributes, pm.profile
      from memberships m
      left join program_members pm on pm.user_id = m.user_id and pm.organization_id = m.organization_id and pm.status = 'active'
        and pm.program_id = any(${uuidList(programIds)})
      where m.organization_id = ${organizationId}::uuid and m.deactivated_at is null
        and (pm.id is not null
          or (${hasFrontline} and m.role = 'frontline')
          or (${hasUnprogrammed} and m.role = 'participant'))`),
  );
  const population = new Map<string, Person>();
  for (const row of populationRows) {
    // A member of two programs appears once, with the attributes of both profiles.
    const before = population.get(row.user_id)?.attributes ?? {};
    population.set(row.user_id, { attributes: { ...before, ...mergeAttributes(row.attributes, row.profile) } });
  }
  const speakers: Person[] = items.map((item) => ({ attributes: item.attributes ?? {} }));
  const minGroupSize = hasFrontline ? effectiveThresholds(organization).minGroupSize : null;
  return compareRepresentation(speakers, [...population.values()], { minGroupSize });
}
