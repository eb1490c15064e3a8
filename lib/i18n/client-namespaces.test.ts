import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { PARTICIPANT_CLIENT_NAMESPACES, pickNamespaces, SHARED_CLIENT_NAMESPACES } from "./client-namespaces";

const ROOT = path.resolve(import.meta.dirname, "../..");
const IMPORT = /(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g;
const NAMESPACE = /useTranslations\(([^)]*)\)/g;

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Follows the imports of `entries` and returns what useTranslations is called with in every file
 * that runs in the browser: a "use client" file and everything it imports.
 */
function clientTranslationCalls(entries: string[]): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, isClient: boolean) => {
    const key = `${file}:${isClient}`;
    if (seen.has(key) || !/\.tsx?$/.test(file)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const runsInBrowser = isClient || /^["']use client["']/m.test(source.slice(0, 200));
    if (runsInBrowser) calls.set(path.relative(ROOT, file), [...source.matchAll(NAMESPACE)].map((match) => match[1].trim()));
    for (const match of source.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      if (target) visit(target, runsInBrowser);
    }
  };
  for (const entry of entries) visit(entry, false);
  return calls;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(directory, name))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts"));
}

const org = path.join(ROOT, "app/o/[org]");
const participantPages = [
  ...filesUnder(path.join(org, "(participate)")),
  ...filesUnder(path.join(org, "live")),
  ...filesUnder(path.join(org, "my-data")),
  path.join(org, "layout.tsx"),
  path.join(ROOT, "app/layout.tsx"),
  path.join(ROOT, "app/error.tsx"),
];

describe("translations sent to participants' browsers", () => {
  it("cover every namespace the client components of participants' pages use", () => {
    const calls = clientTranslationCalls(participantPages);
    // The survey form and the live session view are among them, so the walk really reached client code.
    expect([...calls.keys()]).toEqual(expect.arrayContaining(["components/respond/respond-form.tsx", "components/live/participant-view.tsx"]));
    const offered = new Set<string>(PARTICIPANT_CLIENT_NAMESPACES);
    const missing = [...calls].flatMap(([file, namespaces]) =>
      namespaces.filter((namespace) => !/^"[^"]+"$/.test(namespace) || !offered.has(namespace.slice(1, -1).split(".")[0])).map((namespace) => `${file}: useTranslations(${namespace})`),
    );
    expect(missing).toEqual([]);
  });

  it("name only namespaces that exist, and pick those with their nested ones", () => {
    for (const namespace of PARTICIPANT_CLIENT_NAMESPACES) expect(en).toHaveProperty(namespace);
    const picked = pickNamespaces(en, [...SHARED_CLIENT_NAMESPACES, "live.thread"]);
    expect(Object.keys(picked).sort()).toEqual(["common", "errors", "live", "pages"]);
    expect(picked.live).toBe(en.live);
  });
});
