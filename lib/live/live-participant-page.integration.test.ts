import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { createLiveTeam, LIVE_LATER, LIVE_NOW } from "@/tests/live-session-factories";
import { createPanelMember } from "@/tests/poll-factories";
import { liveParticipantPage } from "./live-participant-page";
import { scheduleLiveSession } from "./schedule-live-session";

describe("a participant's live session page", () => {
  const database = useTestDatabase();

  it("starts a panel member's view in their language; the session's staff get the Next page; anyone else finds nothing", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const team = await createLiveTeam(db, org.id);
      const member = await createPanelMember(db, org.id, team.panel.id);
      const outsider = await createMember(db, org.id, "participant");
      const { sessionId } = await scheduleLiveSession(db, team.researcher.actor, org.id, { panelId: team.panel.id, title: "Store hours", scheduledAt: LIVE_LATER.toISOString(), defaultLocale: "en" }, LIVE_NOW);

      const page = await liveParticipantPage(db, member.actor, { slug: org.slug }, sessionId, "pl");
      expect(page).toMatchObject({ title: "Store hours", organization: { id: org.id, slug: org.slug }, view: { orgSlug: org.slug, sessionId, title: "Store hours", locale: "pl" } });
      // Only the texts the view shows travel with it, in the person's language.
      expect(Object.keys(page!.view.messages)).toEqual(["live", "errors", "respond"]);
      expect(page!.view.messages.live.participant.waitingStart).toBe(MESSAGES.pl.live.participant.waitingStart);
      expect(page!.view.messages.live).not.toHaveProperty("console");

      expect(await liveParticipantPage(db, team.researcher.actor, { slug: org.slug }, sessionId, "en")).toBeNull();
      expect(await liveParticipantPage(db, team.leader.actor, { slug: org.slug }, sessionId, "en")).toBeNull();
      await expect(liveParticipantPage(db, outsider.actor, { slug: org.slug }, sessionId, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(liveParticipantPage(db, member.actor, { slug: "no-such-org" }, sessionId, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
