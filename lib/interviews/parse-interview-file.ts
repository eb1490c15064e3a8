import "server-only";
import mammoth from "mammoth";
import { parse as parseVtt } from "node-webvtt";
import { AppError } from "@/lib/errors";

/*
 * An uploaded interview turned into plain text: .txt as it is, .docx through mammoth's raw text,
 * .vtt (a transcript with timings) as one "Speaker: text" line per turn. The type is checked by
 * extension AND content, so a renamed file is refused with a clear message instead of saving noise.
 */

export const MAX_INTERVIEW_FILE_BYTES = 1024 * 1024;
export const INTERVIEW_FILE_FORMATS = ["txt", "docx", "vtt"] as const;
export type InterviewFileFormat = (typeof INTERVIEW_FILE_FORMATS)[number];

const fileError = (key: string) => new AppError("INVALID", key, { file: key });

function extensionOf(name: string): InterviewFileFormat | null {
  const extension = name.toLowerCase().split(".").pop() ?? "";
  return (INTERVIEW_FILE_FORMATS as readonly string[]).includes(extension) ? (extension as InterviewFileFormat) : null;
}

/** UTF-8 text (a BOM dropped), refused when it is not text at all. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fileError("interviewFileNotText");
  }
  if (text.includes("\u0000")) throw fileError("interviewFileNotText");
  return text.replace(/^\uFEFF/, "");
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function docxText(bytes: Uint8Array): Promise<string> {
  if (bytes.length < 4 || ZIP_MAGIC.some((byte, index) => bytes[index] !== byte)) throw fileError("interviewDocxInvalid");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch {
    throw fileError("interviewDocxInvalid");
  }
}

const VOICE = /^<v(?:\.[^\s>]*)?\s+([^>]+)>/;

/** A cue's text as "Speaker: words" when it names its voice; other markup is dropped. */
function cueLine(text: string): { speaker: string | null; words: string } {
  const voice = VOICE.exec(text.trim());
  const words = text
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  return { speaker: voice ? voice[1].trim() : null, words };
}

/** A WebVTT transcript as plain lines, one per turn: consecutive cues of one speaker are joined. */
export function vttToText(input: string): string {
  let parsed: ReturnType<typeof parseVtt>;
  try {
    parsed = parseVtt(input.replace(/^\uFEFF/, ""), { strict: false, meta: true });
  } catch {
    throw fileError("interviewVttInvalid");
  }
  const turns: Array<{ speaker: string | null; words: string }> = [];
  for (const cue of parsed.cues) {
    const line = cueLine(cue.text);
    if (line.words === "") continue;
    const last = turns[turns.length - 1];
    if (last && last.speaker === line.speaker && line.speaker !== null) last.words += ` ${line.words}`;
    else turns.push(line);
  }
  return turns.map((turn) => (turn.speaker ? `${turn.speaker}: ${turn.words}` : turn.words)).join("\n");
}

/** The file's text and format; throws a field error on "file" for anything it cannot read. */
export async function parseInterviewFile(file: { name: string; bytes: Uint8Array }): Promise<{ body: string; format: InterviewFileFormat }> {
  if (file.bytes.length > MAX_INTERVIEW_FILE_BYTES) throw fileError("interviewFileTooLarge");
  const format = extensionOf(file.name);
  if (!format) throw fileError("interviewFileType");
  const body = format === "docx" ? await docxText(file.bytes) : format === "vtt" ? vttToText(decodeText(file.bytes)) : decodeText(file.bytes);
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text === "") throw fileError("interviewBodyEmpty");
  return { body: text, format };
}
