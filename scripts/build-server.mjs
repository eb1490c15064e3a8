// Bundles server/index.ts (the one-port server with the lean response-capture path) into
// .next/attune-server.cjs (CommonJS, so that packages without an exports map resolve as in Next). Packages stay external and load from node_modules at run time.
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
  alias: { "@": root, "server-only": path.join(root, "server/server-only-stub.ts") },
  logLevel: "warning",
});
