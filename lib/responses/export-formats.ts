import "server-only";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { Cell, ExportFormat } from "./export-responses";
import { spreadsheetSafe } from "./spreadsheet-safe";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/** Streams a header and rows as CSV, XLSX or JSON without holding the whole file in memory. */
export function exportStream(format: ExportFormat, header: string[], rows: AsyncIterable<Cell[]>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const write = format === "csv" ? writeCsv : format === "xlsx" ? writeXlsx : writeJson;
  write(output, header, rows).catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

async function writeCsv(output: PassThrough, header: string[], rows: AsyncIterable<Cell[]>) {
  // A byte-order mark so spreadsheet programs read Polish and Russian text as UTF-8.
  output.write("\uFEFF");
  // Names, attributes and answers come from people outside the research team: never let a cell run as a formula.
  const csv = stringify({ header: true, columns: header.map(spreadsheetSafe) });
  csv.pipe(output);
  for await (const row of rows) if (!csv.write(row.map(spreadsheetSafe))) await new Promise((resolve) => csv.once("drain", resolve));
  csv.end();
}

async function writeXlsx(output: PassThrough, header: string[], rows: AsyncIterable<Cell[]>) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Responses");
  sheet.addRow(header).commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

async function writeJson(output: PassThrough, header: string[], rows: AsyncIterable<Cell[]>) {
  output.write("[");
  let first = true;
  for await (const row of rows) {
    const record = Object.fromEntries(header.map((key, index) => [key, row[index]]));
    if (!output.write(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`)) await new Promise((resolve) => output.once("drain", resolve));
    first = false;
  }
  output.end("\n]\n");
}
