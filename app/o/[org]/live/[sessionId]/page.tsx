import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ParticipantView } from "@/components/live/participant-view";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { getLiveConsole } from "@/lib/live/get-live-console";
import { requireLiveAccess, type LiveAccess } from "@/lib/live/live-access";
import { ModeratorConsole } from "./moderator-console";
import { ObserverView } from "./observer-view";

/** One address for everyone in a session; what it shows depends on who they are in it. */
export default async function LiveSessionPage({ params }: { params: Promise<{ org: string; sessionId: string }> }) {
  const { org, sessionId } = await params;
  const { organization, actor } = await loadOrgPage(org, "org.view", `/live/${sessionId}`);
  const db = await getDb();
  let access: LiveAccess;
  try {
    access = await requireLiveAccess(db, actor, { id: organization.id }, sessionId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const locale = (await getLocale()) as Locale;
  const { session, audience } = access;

  if (audience === "participant") return <ParticipantView orgSlug={organization.slug} sessionId={session.id} title={session.title} locale={locale} />;
  if (audience === "observer") return <ObserverView orgSlug={organization.slug} sessionId={session.id} title={session.title} locale={locale} />;

  const { polls, scheduledAt } = await getLiveConsole(db, actor, { id: organization.id }, { sessionId });
  return (
    <ModeratorConsole
      orgId={organization.id}
      orgSlug={organization.slug}
      session={{ id: session.id, title: session.title, status: session.status, scheduledAt: scheduledAt.toISOString(), defaultLocale: session.defaultLocale as Locale }}
      initialPolls={polls}
      locale={locale}
    />
  );
}
