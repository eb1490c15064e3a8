// Writes the OpenAPI document of /api/v1 (generated from the routes' zod schemas) to a file, for
// the linter and for people who want it without running the app: node scripts/openapi.mjs out.json
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.resolve(process.argv[2] ?? ".data/openapi.json");
// Inside the project, so that the bundle's packages resolve from its node_modules.
mkdirSync(path.join(root, ".data"), { recursive: true });
const workDir = mkdtempSync(path.join(root, ".data", "openapi-"));
const bundle = path.join(workDir, "openapi-document.cjs");
try {
  await build({
    entryPoints: [path.join(root, "lib/api/openapi-document.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    alias: { "@": root, "server-only": path.join(root, "server/server-only-stub.ts") },
    logLevel: "warning",
  });
  const { buildOpenApiDocument } = createRequire(import.meta.url)(bundle);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), out)}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
