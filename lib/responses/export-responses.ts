import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { olderThan, timestampCursor } from "@/db/keyset";
import { instrumentVersions, responses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { requireIndividualExportAllowed } from "@/lib/consent/require-individual-export";
import { ATTRIBUTE_COLUMNS, exportColumns } from "./export-columns";
import { instrumentForResponses, responseConditions, type ResponseFilters } from "./list-responses";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Cell = string | number | null;

/**
 * Prepares an export of an instrument's responses (same filters as the list): the header from all
 * versions' questions, and rows read in keyset batches so memory stays flat whatever the size.
 */
export async function prepareResponseExport(db: Db, actor: Actor | null, org: OrgRef, instrumentId: string, filters: ResponseFilters, format: ExportFormat, batchSize = 500) {
  const { organization } = await requirePermission(db, actor, org, "responses.export");
  const instrument = await instrumentForResponses(db, organization.id, instrumentId);
  // One row per person: refused (and audited) for a program that promised only aggregated results leave the team.
  await requireIndividualExportAllowed(db, { organizationId: organization.id, actorUserId: actor!.userId, programId: instrument.programId, targetType: "instrument", targetId: instrument.id, format });
  const versions = await db
    .select({ definition: instrumentVersions.definition })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrument.id))
    .orderBy(desc(instrumentVersions.version));
  const answerColumns = exportColumns(versions.map((version) => version.definition));
  const header = ["response_id", "status", "version", "locale", "submitted_at", ...ATTRIBUTE_COLUMNS, ...answerColumns.map((column) => column.header)];
  await recordAudit(db, { organizationId: organization.id, actorUserId: actor!.userId, action: "responses.exported", targetType: "instrument", targetId: instrument.id, details: { format } });

  // Newest first by start, which never changes: a response saved while the export runs keeps its
  // place and is exported once. (By last change, it would jump ahead of the cursor and be left out.)
  async function* rows(): AsyncGenerator<Cell[]> {
    let cursor: { at: string; id: string } | null = null;
    for (;;) {
      const conditions = responseConditions(organization.id, instrument.id, filters);
      if (cursor) conditions.push(olderThan(responses.startedAt, responses.id, cursor));
      const batch = await db
        .select({ id: responses.id, status: responses.status, locale: responses.locale, answers: responses.answers, attributes: responses.attributes, submittedAt: responses.submittedAt, version: instrumentVersions.version, cursorAt: timestampCursor(responses.startedAt) })
        .from(responses)
        .innerJoin(instrumentVersions, eq(instrumentVersions.id, responses.instrumentVersionId))
        .where(and(...conditions))
        .orderBy(desc(responses.startedAt), desc(responses.id))
        .limit(batchSize);
      for (const response of batch) {
        yield [
          response.id,
          response.status,
          response.version,
          response.locale,
          response.submittedAt?.toISOString() ?? null,
          ...ATTRIBUTE_COLUMNS.map((key) => response.attributes[key] ?? null),
          ...answerColumns.map((column) => column.cell(response.answers)),
        ];
      }
      if (batch.length < batchSize) return;
      const last = batch[batch.length - 1];
      cursor = { at: last.cursorAt, id: last.id };
    }
  }

  return { instrument, header, rows };
}
