import { z } from "zod";

// The one place that reads process.env: every setting is parsed and explained here.
const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl.optional().describe("postgres://user@host:5432/db; unset means embedded PGlite"),
  ATTUNE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters (generate one with `openssl rand -base64 32`)").optional(),
  AUTH_URL: optionalUrl.optional(),
  SMTP_URL: optionalUrl.optional(),
  MAIL_FROM: z.string().default("Attune <no-reply@attune.local>"),
  OIDC_ISSUER: optionalUrl.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_ALLOW_EMAIL_LINKING: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ATTUNE_JOB_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2000).describe("how often each instance looks for due jobs"),
  ATTUNE_LIVE_RESULTS_MS: z.coerce.number().int().min(10).max(60_000).default(250).describe("the shortest time between two live results pushes of one poll, per instance"),
  ATTUNE_TEST_CLOCK: z.enum(["true", "false"]).default("false").transform((v) => v === "true").describe("end-to-end tests only: time comes from /dev/clock"),
  ATTUNE_SIGN_IN_LINKS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).optional().describe("sign-in links one email address may ask for in an hour, across all instances; unset: 10 with SMTP, no limit with the dev mailbox"),
  ATTUNE_API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600).describe("requests one API key may make in a minute, across all instances; more get 429 with Retry-After"),
  ATTUNE_RESPONSE_SAVES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120).describe("answer saves and submissions one signed-in session may make in a minute, across all instances"),
  ATTUNE_WEBHOOK_FAILURE_LIMIT: z.coerce.number().int().min(1).max(1000).default(5).describe("deliveries to one webhook endpoint that may fail in a row (every retry used up) before it is disabled and its admin mailed"),
  ATTUNE_WEBHOOKS_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false").transform((v) => v === "true").describe("tests and local development only: webhook endpoints may be http:// on a loopback address (127.0.0.1, ::1, localhost)"),
  ATTUNE_SEED_DEMO: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one error that lists every invalid setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts !== 0 && oidcParts !== 3) {
    throw new Error("Invalid environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  return env;
}

export const env = parseEnv(process.env);

export const isOidcConfigured = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
/** Without SMTP, mail lands in the database-backed dev mailbox (and the log) instead of being dropped. */
export const isDevMailboxEnabled = !env.SMTP_URL;
