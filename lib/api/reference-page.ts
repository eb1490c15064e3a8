import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The files of the reference page, served from the swagger-ui-dist package: nothing from a CDN. */
const ASSETS: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

export async function readReferenceAsset(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const contentType = ASSETS[name];
  if (!contentType) return null;
  // Resolved at run time from node_modules (a listed server-external package), not bundled.
  const folder = path.join(process.cwd(), "node_modules", "swagger-ui-dist");
  return { body: await readFile(path.join(folder, name)), contentType };
}

/** The browsable reference: Swagger UI over /api/v1/openapi.json, without the online validator. */
export function referencePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attune API reference</title>
<link rel="stylesheet" href="/api/v1/reference/swagger-ui.css">
<style>body{margin:0}</style>
</head>
<body>
<main id="reference" aria-label="Attune API reference"><noscript>The reference needs JavaScript. The document itself is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript></main>
<script src="/api/v1/reference/swagger-ui-bundle.js"></script>
<script>
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", validatorUrl: null, deepLinking: true, defaultModelsExpandDepth: 0, displayOperationId: true });
});
</script>
</body>
</html>
`;
}
