// `npm run attune -- <command>`: the admin command line, on a fresh clone without `npm run build`.
// Bundles cli/attune.ts as scripts/build-server.mjs bundles the server ("@" and "server-only"
// aliased, packages external) into .data/cli/attune.cjs, rebuilt only when a file it bundles has
// changed, and runs it from the project root with the app's own environment rules.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, ".data", "cli");
const outfile = path.join(outDir, "attune.cjs");
const stampFile = path.join(outDir, "inputs.json");

/** Every bundled source with its size and modification time, as recorded at the last build. */
function isBundleFresh() {
  try {
    const { inputs } = JSON.parse(readFileSync(stampFile, "utf8"));
    statSync(outfile);
    return Object.entries(inputs).every(([file, [size, mtimeMs]]) => {
      const stat = statSync(path.join(root, file));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

// The command line logs to stderr, so that stdout holds only a command's output (--json).
const cliLog = {
  name: "cli-log",
  setup(build) {
    build.onResolve({ filter: /^@\/lib\/log$/ }, (args) => (args.importer.endsWith(path.join("cli", "log.ts")) ? undefined : { path: path.join(root, "cli", "log.ts") }));
  },
};

async function bundle() {
  const { build } = await import("esbuild");
  mkdirSync(outDir, { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  const result = await build({
    // Metafile paths are relative to this: the stamp below resolves them against the root.
    absWorkingDir: root,
    entryPoints: [path.join(root, "cli", "attune.ts")],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    alias: { "@": root, "server-only": path.join(root, "server", "server-only-stub.ts") },
    plugins: [cliLog],
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs).map((file) => {
      const stat = statSync(path.join(root, file));
      return [file, [stat.size, stat.mtimeMs]];
    }),
  );
  // Renamed into place, so a command started meanwhile never loads half a file.
  renameSync(temporary, outfile);
  writeFileSync(stampFile, JSON.stringify({ inputs }));
}

if (!isBundleFresh()) await bundle();
// npm runs scripts from the project root; relative paths a person types (--out) are theirs.
const callerCwd = process.env.INIT_CWD ?? process.cwd();
process.chdir(root);
const { run } = createRequire(import.meta.url)(outfile);
process.exitCode = await run(process.argv.slice(2), callerCwd);
