import ipaddr from "ipaddr.js";

// Who registers an endpoint may be an attacker aiming Attune's server at its own network. The URL
// is checked when saved (these rules) and every address it resolves to when sent (address rules).

export interface UrlRuleOptions {
  /** Tests and local development only (ATTUNE_WEBHOOKS_ALLOW_LOOPBACK): http:// on a loopback address. */
  allowLoopback: boolean;
}

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** The catalog key (errors.*) of the first rule a URL breaks, or null when it may be saved. */
export type WebhookUrlProblem = "webhookUrlInvalid" | "webhookUrlTooLong" | "webhookUrlHttps" | "webhookUrlCredentials" | "webhookUrlHost" | "webhookUrlAddress";

function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

const isLocalhostName = (hostname: string) => hostname === "localhost" || hostname.endsWith(".localhost");

/**
 * An address a delivery may connect to: public unicast only. Loopback too when allowed; never
 * private, link-local, multicast, unspecified, carrier-grade NAT, reserved or addresses that embed
 * an IPv4 one (6to4, Teredo, NAT64), and IPv4-mapped IPv6 is judged as the IPv4 address it maps.
 */
export function isAllowedAddress(address: string, { allowLoopback }: UrlRuleOptions): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === "unicast" || (allowLoopback && range === "loopback");
}

export function isLoopbackAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === "loopback";
}

/** Checks a URL before it is saved; the address rules are applied again when it is sent. */
export function webhookUrlProblem(raw: string, options: UrlRuleOptions): WebhookUrlProblem | null {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return "webhookUrlTooLong";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "webhookUrlInvalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "webhookUrlHttps";
  if (url.username || url.password) return "webhookUrlCredentials";
  const hostname = url.hostname.toLowerCase();
  const literal = ipLiteral(hostname);
  const isLoopback = literal ? isLoopbackAddress(literal) : isLocalhostName(hostname);
  if (url.protocol === "http:" && !(options.allowLoopback && isLoopback)) return "webhookUrlHttps";
  if (isLoopback) return options.allowLoopback ? null : "webhookUrlAddress";
  if (literal) return isAllowedAddress(literal, options) ? null : "webhookUrlAddress";
  // A name needs a dot: a single label ("intranet") is resolved against the server's own network.
  if (!hostname.includes(".") || hostname.endsWith(".") || /\.(local|internal|localdomain|home\.arpa)$/.test(hostname)) return "webhookUrlHost";
  // WHATWG URL parsing turns decimal, octal and hex IPv4 forms into dotted quads, so "0x7f.1" arrives here as 127.0.0.1.
  return null;
}

/** True when a URL may be saved. */
export function isAllowedWebhookUrl(raw: string, options: UrlRuleOptions): boolean {
  return webhookUrlProblem(raw, options) === null;
}
