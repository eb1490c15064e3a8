import "server-only";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Nodemailer from "next-auth/providers/nodemailer";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env, isOidcConfigured } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { getAuthSecret } from "./instance-secret";
import { sendSignInLink } from "./send-sign-in-link";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; locale: Locale | null };
  }
  interface User {
    locale?: Locale | null;
  }
}

export const OIDC_PROVIDER_ID = "oidc";
export const EMAIL_PROVIDER_ID = "nodemailer";

/** Any OpenID Connect provider (Keycloak, Entra ID, Google Workspace, Okta…) configured through env. */
export function oidcProvider(): Provider | null {
  if (!isOidcConfigured) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oidc",
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    allowDangerousEmailAccountLinking: env.OIDC_ALLOW_EMAIL_LINKING,
  };
}

// The configuration is built lazily: the database (and its generated secret) exists only at run time.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const oidc = oidcProvider();
  const adapter = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    adapter: {
      ...adapter,
      // Sign-in links carry no email (see send-sign-in-link.ts), so a token is found by its hash
      // alone: it is 32 random bytes hashed with the secret, single-use and short-lived.
      useVerificationToken: async ({ token }) => (await db.delete(verificationTokens).where(eq(verificationTokens.token, token)).returning())[0] ?? null,
    },
    secret: await getAuthSecret(db, env.AUTH_SECRET),
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 86_400 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      Nodemailer({
        id: EMAIL_PROVIDER_ID,
        server: env.SMTP_URL ?? "smtp://localhost:25",
        from: env.MAIL_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: (params) => sendSignInLink(db, params),
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        session.user.locale = user.locale ?? null;
        return session;
      },
    },
  };
});
