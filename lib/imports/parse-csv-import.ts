import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { z } from "zod";

/** A problem with one row of an import, as catalog keys (namespace "errors") so it can be shown in any language. */
export interface ImportRowError {
  /** 1-based line of the data row in the file (the header is line 1). */
  line: number;
  column: string | null;
  messageKey: string;
}

export interface ImportPreview<T> {
  /** Valid rows after merging duplicates, in file order. */
  rows: T[];
  errors: ImportRowError[];
  /** How many valid rows were merged into an earlier row with the same key. */
  mergedDuplicates: number;
  dataRows: number;
  /** Expected columns missing from the header; when any is missing nothing is imported. */
  missingColumns: string[];
}

export interface CsvImportSpec<T> {
  /** Canonical column name → accepted header spellings (compared lowercased, spaces and dashes as underscores). */
  columns: Record<string, readonly string[]>;
  required: readonly string[];
  row: z.ZodType<T>;
  /** Rows with the same key are one record: later cells fill and override earlier ones. */
  keyOf: (row: T) => string;
  maxRows: number;
}

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * An uploaded CSV's text, for every import. A NUL never occurs in a text file and PostgreSQL cannot
 * store one: such a file is binary (e.g. a spreadsheet saved as .xlsx).
 */
export const csvFileSchema = z
  .string()
  .min(1, { message: "importEmpty" })
  .max(MAX_IMPORT_BYTES, { message: "importTooLarge" })
  .refine((csv) => !csv.includes("\u0000"), { message: "importNotText" });

/** The text of an uploaded CSV, or an INVALID error naming what is wrong with the file. */
export function csvFileText(csv: unknown): string {
  const parsed = csvFileSchema.safeParse(csv);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0].message);
  return parsed.data;
}

function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * Parses and validates a CSV import without writing anything: the same call produces the preview the
 * researcher checks and, on confirmation, the rows that are written. Invalid rows are reported by line
 * and column and never imported; valid rows sharing a key (e.g. an email) are merged into one.
 */
export function parseCsvImport<T extends Record<string, unknown>>(text: string, spec: CsvImportSpec<T>): ImportPreview<T> {
  const aliasToColumn = new Map<string, string>();
  for (const [column, aliases] of Object.entries(spec.columns)) {
    for (const alias of [column, ...aliases]) aliasToColumn.set(normalizeHeader(alias), column);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => aliasToColumn.get(normalizeHeader(header)) ?? `unknown:${header}`,
  });
  const header = parsed.meta.fields ?? [];
  const missingColumns = spec.required.filter((column) => !header.includes(column));
  const preview: ImportPreview<T> = { rows: [], errors: [], mergedDuplicates: 0, dataRows: parsed.data.length, missingColumns };
  if (missingColumns.length > 0) return preview;
  if (parsed.data.length > spec.maxRows) {
    preview.errors.push({ line: spec.maxRows + 2, column: null, messageKey: "importTooManyRows" });
    return preview;
  }

  const byKey = new Map<string, T>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const cells: Record<string, string> = {};
    for (const column of Object.keys(spec.columns)) {
      const value = record[column]?.trim();
      if (value) cells[column] = value;
    }
    const result = spec.row.safeParse(cells);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const column = issue.path.length > 0 ? String(issue.path[0]) : null;
        if (seen.has(column ?? "")) continue;
        seen.add(column ?? "");
        preview.errors.push({ line, column, messageKey: /^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : "invalid" });
      }
      return;
    }
    const key = spec.keyOf(result.data);
    const earlier = byKey.get(key);
    if (earlier) {
      preview.mergedDuplicates++;
      byKey.set(key, { ...earlier, ...definedEntries(result.data) });
    } else {
      byKey.set(key, result.data);
    }
  });
  for (const error of parsed.errors) {
    if (error.type === "Quotes" && error.row !== undefined) preview.errors.push({ line: error.row + 2, column: null, messageKey: "importBadQuotes" });
  }
  preview.rows = [...byKey.values()];
  preview.errors.sort((a, b) => a.line - b.line);
  return preview;
}

function definedEntries<T extends Record<string, unknown>>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== "")) as Partial<T>;
}
