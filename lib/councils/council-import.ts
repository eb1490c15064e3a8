// A council's CSV import is the shared program import; the names stay for the council code that uses them.
export { previewProgramImport as previewCouncilImport } from "@/lib/programs/program-import";
