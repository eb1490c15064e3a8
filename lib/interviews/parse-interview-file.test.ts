import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_INTERVIEW_FILE_BYTES, parseInterviewFile, vttToText } from "./parse-interview-file";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function fieldError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string> }).fieldErrors?.file;
  }
  return undefined;
}

describe("parseInterviewFile", () => {
  it("turns a WebVTT transcript into one 'Speaker: text' line per turn", async () => {
    const { body, format } = await parseInterviewFile({ name: "call.VTT", bytes: fixture("interview-transcript.vtt") });
    expect(format).toBe("vtt");
    expect(body).toBe("Interviewer: How was your last visit?\nAnna: The queue at the checkout was long. I waited almost twenty minutes.\nInterviewer: Thank you.");
  });

  it("keeps cues without a voice as plain lines and drops markup", () => {
    expect(vttToText("WEBVTT\n\n00:00.000 --> 00:01.000\n<i>Hello</i> &amp; welcome\n\nNOTE a comment\n\n00:01.000 --> 00:02.000\nBye")).toBe("Hello & welcome\nBye");
  });

  it("reads a .docx's raw text", async () => {
    const { body, format } = await parseInterviewFile({ name: "note.docx", bytes: fixture("interview-note.docx") });
    expect(format).toBe("docx");
    expect(body).toContain("Interview with a regular customer.");
    expect(body).toContain("She waits too long at the fitting rooms every Saturday.");
  });

  it("reads a .txt as UTF-8", async () => {
    expect(await parseInterviewFile({ name: "n.txt", bytes: utf8("\uFEFFZażółć gęślą jaźń\r\nline two\n") })).toEqual({ body: "Zażółć gęślą jaźń\nline two", format: "txt" });
  });

  it("refuses a wrong type, a .docx that is not one, a broken transcript, binary text, empty text and a large file", async () => {
    expect(await fieldError(parseInterviewFile({ name: "n.pdf", bytes: utf8("text") }))).toBe("interviewFileType");
    expect(await fieldError(parseInterviewFile({ name: "n.docx", bytes: utf8("just text renamed") }))).toBe("interviewDocxInvalid");
    expect(await fieldError(parseInterviewFile({ name: "n.docx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }))).toBe("interviewDocxInvalid");
    expect(await fieldError(parseInterviewFile({ name: "n.vtt", bytes: utf8("not a transcript") }))).toBe("interviewVttInvalid");
    expect(await fieldError(parseInterviewFile({ name: "n.txt", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) }))).toBe("interviewFileNotText");
    expect(await fieldError(parseInterviewFile({ name: "n.txt", bytes: utf8("   \n ") }))).toBe("interviewBodyEmpty");
    expect(await fieldError(parseInterviewFile({ name: "n.txt", bytes: new Uint8Array(MAX_INTERVIEW_FILE_BYTES + 1).fill(65) }))).toBe("interviewFileTooLarge");
  });
});
