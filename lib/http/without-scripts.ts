/**
 * A server-rendered page without its scripts: script elements, and the links that would fetch
 * scripts ahead. React escapes "<" in text and quotes in attributes, so no user content can look
 * like either.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "");
}
