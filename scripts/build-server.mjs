// Bundles server/index.ts (the one-port server with the lean response-capture path and the
// respondent's form page) into .next/attune-server.cjs (CommonJS, so that packages without an
// exports map resolve as in Next). Packages stay external and load from node_modules at run time.
// Then bundles the respondent form for the browser (React and the form, no Next runtime) into
// .next/static/respond/, and writes .next/respond-assets.json naming it and the Next build's
// stylesheets for server/respond-page.tsx.
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

const form = await build({
  entryPoints: [path.join(root, "components/respond/standalone-entry.tsx")],
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
const script = form.outputFiles[0].contents;
const scriptName = `respond-${createHash("sha256").update(script).digest("hex").slice(0, 16)}.js`;
const staticDir = path.join(root, ".next/static/respond");
rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
writeFileSync(path.join(staticDir, scriptName), script);

// The stylesheets Next links on the respondent's page (the app's one Tailwind sheet).
const manifest = readFileSync(path.join(root, ".next/server/app/o/[org]/(participate)/respond/[instrumentId]/page_client-reference-manifest.js"), "utf8");
const styles = [...new Set([...manifest.matchAll(/"path":"(static\/[^"]+\.css)"/g)].map(([, file]) => `/_next/${file}`))];
if (styles.length === 0) throw new Error("no stylesheet found for the respondent page in the Next build");
writeFileSync(path.join(root, ".next/respond-assets.json"), JSON.stringify({ script: `/_next/static/respond/${scriptName}`, styles }));
