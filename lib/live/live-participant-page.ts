import "server-only";
import type { Db } from "@/db/client";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { requireLiveAccess } from "./live-access";

/**
 * What a participant's live session page starts with, for the lean server's page: the session's
 * title, the organization, and the view's props with the texts it shows (live ones, errors, and
 * the question texts of polls). Null for anyone else in the session (moderators and observers get
 * the Next page); NOT_FOUND for those not in it at all, as requireLiveAccess decides.
 */
export async function liveParticipantPage(db: Db, actor: Actor, org: OrgRef, sessionId: string, locale: Locale) {
  const { session, audience, context } = await requireLiveAccess(db, actor, org, sessionId);
  if (audience !== "participant") return null;
  const { live, errors, respond } = MESSAGES[locale];
  return {
    title: session.title,
    organization: context.organization,
    view: {
      orgSlug: context.organization.slug,
      sessionId: session.id,
      title: session.title,
      locale,
      messages: { live: { connection: live.connection, participant: live.participant, thread: live.thread, loading: live.loading }, errors, respond },
    },
  };
}
