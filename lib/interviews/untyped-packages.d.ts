// node-webvtt ships no types; only what parseInterviewFile uses.
declare module "node-webvtt" {
  interface Cue {
    identifier: string;
    start: number;
    end: number;
    text: string;
    styles: string;
  }
  export function parse(input: string, options?: { meta?: boolean; strict?: boolean }): { valid: boolean; cues: Cue[]; errors: unknown[] };
}
