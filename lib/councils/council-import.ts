// A council's CSV import is the shared program import; the names stay for the council code that uses them.
export { MAX_PROGRAM_IMPORT_BYTES as MAX_COUNCIL_IMPORT_BYTES, previewProgramImport as previewCouncilImport } from "@/lib/programs/program-import";
