import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { olderThan, timestampCursor } from "@/db/keyset";
import { decodeKeysetCursor, keysetCursorSchema, keysetPage } from "@/lib/pagination/keyset-cursor";
import { instrumentVersions, instruments, programs, responseAnswers, responses } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { responseFilterFieldsSchema } from "./schemas";

export const RESPONSES_PAGE_SIZE = 25;

const fields = responseFilterFieldsSchema.shape;
export const responseFiltersSchema = z.object({
  status: fields.status.optional().catch(undefined),
  from: fields.from.optional().catch(undefined),
  to: fields.to.optional().catch(undefined),
  segment: fields.segment.optional().catch(undefined),
  q: fields.q.optional().catch(undefined),
  /** The last row of the previous page (db/keyset.ts); a forged one means the first page. */
  after: keysetCursorSchema.optional().catch(undefined),
});
export type ResponseFilters = z.infer<typeof responseFiltersSchema>;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The instrument whose individual responses are about to be read. A frontline pulse is refused:
 * staff answer it anonymously, so it is only ever shown in aggregate on the frontline dashboard.
 */
export async function instrumentForResponses(db: Db | Tx, orgId: string, instrumentId: string) {
  if (!isUuid(instrumentId)) throw new AppError("NOT_FOUND", "notFound");
  const [instrument] = await db
    .select({ id: instruments.id, name: instruments.name, programId: instruments.programId, programKind: programs.kind })
    .from(instruments)
    .leftJoin(programs, eq(programs.id, instruments.programId))
    .where(and(eq(instruments.id, instrumentId), eq(instruments.organizationId, orgId)));
  if (!instrument) throw new AppError("NOT_FOUND", "notFound");
  if (instrument.programKind === "frontline") throw new AppError("FORBIDDEN", FRONTLINE_ANSWERS_ANONYMOUS);
  return { id: instrument.id, name: instrument.name, programId: instrument.programId };
}

/** The error key for reading one by one the answers of an anonymous frontline pulse. */
export const FRONTLINE_ANSWERS_ANONYMOUS = "frontlineAnswersAnonymous";

/** The WHERE clause shared by the responses list and the exports, so both show the same rows. */
export function responseConditions(orgId: string, instrumentId: string, filters: ResponseFilters): SQL[] {
  const conditions: SQL[] = [eq(responses.organizationId, orgId), eq(responses.instrumentId, instrumentId)];
  if (filters.status) conditions.push(eq(responses.status, filters.status));
  if (filters.from) conditions.push(gte(responses.updatedAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(responses.updatedAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (filters.segment) {
    const [key, value] = filters.segment.split(":");
    conditions.push(sql`${responses.attributes} ->> ${key} = ${value}`);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`exists (select 1 from ${responseAnswers} where ${responseAnswers.responseId} = ${responses.id} and ${responseAnswers.textValue} ilike ${pattern})`);
  }
  return conditions;
}

/** One page of an instrument's responses, newest first, by keyset (never OFFSET). Respondents stay unnamed. */
export async function listResponses(db: Db, actor: Actor | null, org: OrgRef, instrumentId: string, filters: ResponseFilters, pageSize = RESPONSES_PAGE_SIZE) {
  const { organization } = await requirePermission(db, actor, org, "responses.view");
  const instrument = await instrumentForResponses(db, organization.id, instrumentId);
  const conditions = responseConditions(organization.id, instrument.id, filters);
  if (filters.after) conditions.push(olderThan(responses.updatedAt, responses.id, decodeKeysetCursor(filters.after)));
  const rows = await db
    .select({
      id: responses.id,
      status: responses.status,
      locale: responses.locale,
      attributes: responses.attributes,
      updatedAt: responses.updatedAt,
      submittedAt: responses.submittedAt,
      version: instrumentVersions.version,
      cursorAt: timestampCursor(responses.updatedAt),
    })
    .from(responses)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, responses.instrumentVersionId))
    .where(and(...conditions))
    .orderBy(desc(responses.updatedAt), desc(responses.id))
    .limit(pageSize + 1);
  const page = keysetPage(rows, pageSize);
  return { instrument, responses: page.rows, nextCursor: page.nextCursor };
}
