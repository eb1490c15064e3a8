// Bundles server/index.ts (the one-port server with the lean response-capture path and the
// respondents' lean pages) into .next/attune-server.cjs (CommonJS, so that packages without an
// exports map resolve as in Next). Packages stay external and load from node_modules at run time.
// Then bundles the survey form and a participant's live session view for the browser (React and
// the component, no Next runtime) into .next/static/lean/, and writes .next/lean-assets.json naming
// them and the Next build's stylesheets for server/lean-pages.tsx.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
await build({
  entryPoints: [path.join(root, "server/index.ts")],
  outfile: path.join(root, ".next/attune-server.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  alias: { "@": root, "server-only": path.join(root, "server/server-only-stub.ts") },
  logLevel: "warning",
});

// The lean pages' bundles (server/lean-pages.tsx), each React and one component.
const LEAN_ENTRIES = { respond: "components/respond/standalone-entry.tsx", live: "components/live/standalone-entry.tsx" };
const staticDir = path.join(root, ".next/static/lean");
rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
const scripts = {};
for (const [name, entry] of Object.entries(LEAN_ENTRIES)) {
  const bundle = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "@": root },
    logLevel: "warning",
  });
  const script = bundle.outputFiles[0].contents;
  const scriptName = `${name}-${createHash("sha256").update(script).digest("hex").slice(0, 16)}.js`;
  writeFileSync(path.join(staticDir, scriptName), script);
  scripts[name] = `/_next/static/lean/${scriptName}`;
}

// The stylesheets Next links on the respondent's page (the app's one Tailwind sheet, which every page uses).
const manifest = readFileSync(path.join(root, ".next/server/app/o/[org]/(participate)/respond/[instrumentId]/page_client-reference-manifest.js"), "utf8");
const styles = [...new Set([...manifest.matchAll(/"path":"(static\/[^"]+\.css)"/g)].map(([, file]) => `/_next/${file}`))];
if (styles.length === 0) throw new Error("no stylesheet found for the respondent page in the Next build");
writeFileSync(path.join(root, ".next/lean-assets.json"), JSON.stringify({ scripts, styles }));
