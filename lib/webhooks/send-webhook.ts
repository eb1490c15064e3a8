import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { isAllowedAddress, webhookUrlProblem, type UrlRuleOptions } from "./url-rules";

export const DELIVERY_TIMEOUT_MS = 10_000;

/** What one attempt came to; `error` is a short code the delivery log translates. */
export interface AttemptOutcome {
  responseStatus: number | null;
  error: WebhookAttemptError | null;
  durationMs: number;
}

export type WebhookAttemptError = "url_refused" | "address_refused" | "dns_failed" | "connection_failed" | "timeout" | "tls_failed" | "http_status";

export interface OutgoingMessage {
  /** The delivery's id: the webhook-id header, the same on every attempt so receivers can drop repeats. */
  id: string;
  body: string;
}

class RefusedAddressError extends Error {
  readonly code = "ATTUNE_ADDRESS_REFUSED";
}

/**
 * Resolves the host and refuses it unless every address is allowed; the socket then connects to
 * the address checked here, so a name that resolves differently a moment later (DNS rebinding)
 * cannot slip a private address in between the check and the connection.
 */
export function checkedLookup(options: UrlRuleOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (addresses.length === 0 || addresses.some((entry) => !isAllowedAddress(entry.address, options))) {
        return callback(new RefusedAddressError(`refused address for ${hostname}`), "", 0);
      }
      if (lookupOptions.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function errorCode(error: unknown): WebhookAttemptError {
  const code = (error as { code?: string }).code ?? "";
  if (code === "ATTUNE_ADDRESS_REFUSED") return "address_refused";
  if (code === "ATTUNE_TIMEOUT") return "timeout";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns_failed";
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "EPROTO") return "tls_failed";
  return "connection_failed";
}

/**
 * Signs a message (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature) and posts
 * it once: 10 seconds at most, redirects not followed, only to allowed addresses. Never throws.
 */
export async function sendWebhook(endpoint: { url: string; secret: string }, message: OutgoingMessage, options: UrlRuleOptions & { timeoutMs?: number; signedAt?: Date }): Promise<AttemptOutcome> {
  const started = performance.now();
  const done = (responseStatus: number | null, error: WebhookAttemptError | null): AttemptOutcome => ({ responseStatus, error, durationMs: Math.round(performance.now() - started) });
  if (webhookUrlProblem(endpoint.url, options)) return done(null, "url_refused");
  const url = new URL(endpoint.url);
  const literal = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  // An IP address in the URL is connected to without a lookup: check it here.
  if (/^[\d.]+$|:/.test(literal) && !isAllowedAddress(literal, options)) return done(null, "address_refused");

  // The signature's time is the real time of sending (receivers refuse old timestamps), whatever clock scheduled it.
  const signedAt = options.signedAt ?? new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Attune-Webhooks/1",
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
    "webhook-signature": new Webhook(endpoint.secret).sign(message.id, signedAt, message.body),
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<AttemptOutcome>((resolve) => {
    let isSettled = false;
    const settle = (outcome: AttemptOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(message.body) }, agent: false, lookup: checkedLookup(options) }, (response) => {
      const status = response.statusCode ?? null;
      // Only the status matters; the body is not read, so a receiver cannot hold the worker by trickling it.
      response.destroy();
      settle(done(status, status !== null && status >= 200 && status < 300 ? null : "http_status"));
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timed out"), { code: "ATTUNE_TIMEOUT" })), options.timeoutMs ?? DELIVERY_TIMEOUT_MS);
    request.on("error", (error) => settle(done(null, errorCode(error))));
    request.end(message.body);
  });
}
