import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { devMailbox, memberships, panelSampleMembers, programMembers, programs } from "@/db/schema";
import { createCouncil } from "@/lib/councils/create-council";
import { inviteToCouncil } from "@/lib/councils/invite-to-council";
import { joinCouncil } from "@/lib/councils/join-council";
import { listMyCouncils } from "@/lib/councils/my-councils";
import { setPanelOptIn } from "@/lib/councils/set-panel-opt-in";
import { findProgramInvitation, joinProgram } from "@/lib/programs/join-program";
import { listProgramInvitations, revokeProgramInvitation } from "@/lib/programs/program-invitations";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization, createUser } from "@/tests/factories";
import { createPanel } from "./create-panel";
import { getPanel, listPanels } from "./get-panel";
import { getPanelQuotas } from "./get-panel-quotas";
import { importPanelInvitations, inviteCouncilOptIns, inviteToPanel, listCouncilOptIns, previewPanelInvitations } from "./invite-to-panel";
import { leavePanel, listMyPanels, renewPanelConsent } from "./my-panels";
import { deletePanelAttribute, listPanelAttributes, savePanelAttribute } from "./panel-attributes";
import { listPanelMembers } from "./panel-members";
import { listPanelSamples, previewPanelSample, savePanelSample } from "./panel-samples";
import { updatePanel } from "./update-panel";

const BASE_URL = "http://localhost:3000";
const NOW = new Date("2027-02-10T12:00:00Z");
const PROFILE = { region: "baltics", language: "pl", ageBand: "55plus", tenure: "3to5" } as const;
const PANEL = { name: "Shoppers panel", purpose: "Test campaigns with customers before launch." };
const CHANNEL = { key: "channel", label: "Where you shop most", values: "store\nonline\nboth" };

async function researcherWithPanel(db: Db, overrides: Record<string, unknown> = {}) {
  const org = await createOrganization(db);
  const researcher = await createMember(db, org.id, "researcher");
  await savePanelAttribute(db, researcher.actor, org.id, CHANNEL);
  const panel = await createPanel(db, researcher.actor, org.id, { ...PANEL, ...overrides }, NOW);
  return { org, researcher, panel };
}

async function tokenSentTo(db: Db, email: string): Promise<string> {
  const [mail] = await db.select({ text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, email)).orderBy(desc(devMailbox.createdAt)).limit(1);
  const match = mail?.text.match(/\/join\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no invitation mail to ${email}`);
  return match[1];
}

/** Adds active members straight to the panel with the given languages. */
async function addMembers(db: Db, orgId: string, panelId: string, languages: string[]) {
  for (const [index, language] of languages.entries()) {
    const user = await createUser(db, { email: `m${index}-${language}@example.test` });
    await db.insert(programMembers).values({ programId: panelId, organizationId: orgId, userId: user.id, status: "active", profile: { ...PROFILE, language, custom: { channel: index % 2 ? "store" : "online" } } });
  }
}

describe("organization attributes and panels", () => {
  const database = useTestDatabase();

  it("defines attributes, creates a panel with quotas and a default consent, and updates it", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db, { defaultLocale: "pl", targetSize: "40", panelQuotas: [{ attribute: "channel", value: "online", minShare: 30 }, { attribute: "language", value: "ru", minShare: 20 }] });
      expect(await listPanelAttributes(db, researcher.actor, org.id)).toMatchObject([{ key: "channel", values: ["store", "online", "both"] }]);
      await expect(savePanelAttribute(db, researcher.actor, org.id, { key: "region", label: "Region", values: "a\nb" })).rejects.toThrow(/attributeKeyReserved/);
      await expect(savePanelAttribute(db, researcher.actor, org.id, { key: "size", label: "Household", values: "one" })).rejects.toThrow(/attributeValuesCount/);

      const [program] = await db.select().from(programs).where(eq(programs.id, panel.id));
      expect(program).toMatchObject({ kind: "panel", targetSize: 40, defaultLocale: "pl" });
      expect(program.consentText).toContain(PANEL.name);
      expect(program.consentText).toMatch(/Kto to widzi/);
      await expect(createPanel(db, researcher.actor, org.id, { ...PANEL, panelQuotas: [{ attribute: "channel", value: "mars", minShare: 10 }] })).rejects.toMatchObject({ messageKey: "quotaInvalid" });
      await expect(createPanel(db, researcher.actor, org.id, { ...PANEL, panelQuotas: [{ attribute: "language", value: "en", minShare: 60 }, { attribute: "language", value: "pl", minShare: 60 }] })).rejects.toThrow(/quotasOver100/);

      await updatePanel(db, researcher.actor, org.id, { panelId: panel.id, ...PANEL, name: "Renamed", panelQuotas: [] });
      expect(await getPanel(db, researcher.actor, org.id, panel.id)).toMatchObject({ name: "Renamed", panelQuotas: [], targetSize: null, activeMembers: 0 });
      expect(await listPanels(db, researcher.actor, org.id)).toMatchObject([{ id: panel.id, activeMembers: 0 }]);
      const [attribute] = await listPanelAttributes(db, researcher.actor, org.id);
      await deletePanelAttribute(db, researcher.actor, org.id, attribute.id);
      expect(await listPanelAttributes(db, researcher.actor, org.id)).toEqual([]);
    });
  });

  it("answers another organization's panel and attributes as not found, and refuses participants", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db);
      const other = await createOrganization(db);
      const stranger = await createMember(db, other.id, "researcher");
      const [attribute] = await listPanelAttributes(db, researcher.actor, org.id);
      const attempts = {
        getPanel: () => getPanel(db, stranger.actor, other.id, panel.id),
        updatePanel: () => updatePanel(db, stranger.actor, other.id, { panelId: panel.id, ...PANEL }),
        inviteToPanel: () => inviteToPanel(db, stranger.actor, other.id, { panelId: panel.id, email: "x@example.test" }, BASE_URL),
        importPanelInvitations: () => importPanelInvitations(db, stranger.actor, other.id, { panelId: panel.id, csv: "email\nx@example.test" }, BASE_URL),
        listPanelMembers: () => listPanelMembers(db, stranger.actor, other.id, panel.id),
        getPanelQuotas: () => getPanelQuotas(db, stranger.actor, other.id, panel.id),
        previewPanelSample: () => previewPanelSample(db, stranger.actor, other.id, { panelId: panel.id, size: 3 }),
        listPanelSamples: () => listPanelSamples(db, stranger.actor, other.id, panel.id),
        deletePanelAttribute: () => deletePanelAttribute(db, stranger.actor, other.id, attribute.id),
        getPanelFromOtherOrgId: () => getPanel(db, stranger.actor, org.id, panel.id),
      };
      for (const [name, attempt] of Object.entries(attempts)) await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
      const participant = await createMember(db, org.id, "participant");
      await expect(listPanels(db, participant.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(savePanelAttribute(db, participant.actor, org.id, CHANNEL)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});

describe("recruiting and joining a panel", () => {
  const database = useTestDatabase();

  it("imports a CSV, and an invitee joins with consent and the organization's attribute", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db);
      const csv = ["email,name,language", "ola@example.test,Ola,pl", "bad,Bad,en"].join("\n");
      expect((await previewPanelInvitations(db, researcher.actor, org.id, csv)).rows).toHaveLength(1);
      const result = await importPanelInvitations(db, researcher.actor, org.id, { panelId: panel.id, csv }, BASE_URL, NOW);
      expect(result).toMatchObject({ invited: [{ email: "ola@example.test" }], rowErrors: 1 });
      const [mail] = await db.select({ subject: devMailbox.subject }).from(devMailbox).where(eq(devMailbox.to, "ola@example.test"));
      expect(mail.subject).toMatch(/Zaproszenie do panelu/);

      const ola = await createUser(db, { email: "ola@example.test" });
      const token = await tokenSentTo(db, "ola@example.test");
      expect(await findProgramInvitation(db, token, NOW)).toMatchObject({ programKind: "panel", programName: PANEL.name, purpose: PANEL.purpose });
      await expect(joinProgram(db, { userId: ola.id }, { token, consent: "yes", ...PROFILE, custom: { channel: "moon" } }, NOW)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { "custom.channel": "choiceRequired" } });
      const joined = await joinProgram(db, { userId: ola.id }, { token, consent: "yes", ...PROFILE, custom: { channel: "online" } }, NOW);
      expect(joined).toEqual({ organizationSlug: org.slug, programId: panel.id, kind: "panel" });

      const [membership] = await db.select({ attributes: memberships.attributes }).from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, ola.id)));
      expect(membership.attributes).toEqual({ ...PROFILE, channel: "online" });
      const { members } = await listPanelMembers(db, researcher.actor, org.id, panel.id);
      expect(members).toMatchObject([{ email: "ola@example.test", status: "active", profile: { ...PROFILE, custom: { channel: "online" } } }]);
      expect(await listMyPanels(db, { userId: ola.id }, org.id)).toMatchObject([{ id: panel.id, name: PANEL.name }]);
      expect(await listMyCouncils(db, { userId: ola.id }, org.id)).toEqual([]);
      await expect(inviteToPanel(db, researcher.actor, org.id, { panelId: panel.id, email: "ola@example.test" }, BASE_URL, NOW)).rejects.toMatchObject({ messageKey: "alreadyPanelMember" });

      // A changed consent text asks the member again before they take part.
      await updatePanel(db, researcher.actor, org.id, { panelId: panel.id, ...PANEL, consentText: "New terms: we also record live sessions." });
      expect(await listMyPanels(db, { userId: ola.id }, org.id)).toMatchObject([{ id: panel.id, memberStatus: "pending_consent", consentText: "New terms: we also record live sessions." }]);
      await renewPanelConsent(db, { userId: ola.id }, org.id, { panelId: panel.id }, NOW);
      expect(await listMyPanels(db, { userId: ola.id }, org.id)).toMatchObject([{ id: panel.id, memberStatus: "active" }]);

      await leavePanel(db, { userId: ola.id }, org.id, { panelId: panel.id }, NOW);
      expect(await listMyPanels(db, { userId: ola.id }, org.id)).toEqual([]);
      await expect(leavePanel(db, { userId: ola.id }, org.id, { panelId: panel.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("invites council members who opted in, once, through the same invitation flow", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db);
      const council = await createCouncil(db, researcher.actor, org.id, { name: "Loyal customers", purpose: "Tell us what the numbers do not show." }, NOW);
      const people = [];
      for (const [email, optIn] of [["yes@example.test", "yes"], ["no@example.test", undefined], ["later@example.test", undefined]] as const) {
        const user = await createUser(db, { email });
        await inviteToCouncil(db, researcher.actor, org.id, { councilId: council.id, email, locale: "ru" }, BASE_URL, NOW);
        await joinCouncil(db, { userId: user.id }, { token: await tokenSentTo(db, email), consent: "yes", ...PROFILE, language: "ru", ...(optIn ? { panelOptIn: optIn } : {}) }, NOW);
        people.push(user);
      }
      await setPanelOptIn(db, { userId: people[2].id }, org.id, { councilId: council.id, panelOptIn: "yes" });
      await expect(setPanelOptIn(db, { userId: people[2].id }, org.id, { councilId: panel.id, panelOptIn: "yes" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listCouncilOptIns(db, researcher.actor, org.id, panel.id)).map((optIn) => optIn.email)).toEqual(["later@example.test", "yes@example.test"]);

      const result = await inviteCouncilOptIns(db, researcher.actor, org.id, { panelId: panel.id }, BASE_URL, NOW);
      expect(result.invited.map((invitation) => invitation.email).sort()).toEqual(["later@example.test", "yes@example.test"]);
      const [mail] = await db.select({ subject: devMailbox.subject }).from(devMailbox).where(eq(devMailbox.to, "yes@example.test")).orderBy(desc(devMailbox.createdAt)).limit(1);
      expect(mail.subject).toMatch(/Приглашение в панель/);
      const invitations = await listProgramInvitations(db, researcher.actor, org.id, "panel", panel.id, NOW);
      expect(invitations).toHaveLength(2);
      const later = invitations.find((invitation) => invitation.email === "later@example.test")!;
      await expect(revokeProgramInvitation(db, researcher.actor, org.id, "council", { programId: panel.id, invitationId: later.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await revokeProgramInvitation(db, researcher.actor, org.id, "panel", { programId: panel.id, invitationId: later.id }, NOW);
      expect((await listProgramInvitations(db, researcher.actor, org.id, "panel", panel.id, NOW)).find((invitation) => invitation.id === later.id)?.state).toBe("revoked");

      await joinProgram(db, { userId: people[0].id }, { token: await tokenSentTo(db, "yes@example.test"), consent: "yes", ...PROFILE, custom: { channel: "store" } }, NOW);
      expect((await listCouncilOptIns(db, researcher.actor, org.id, panel.id)).map((optIn) => optIn.email)).toEqual(["later@example.test"]);
    });
  });
});

describe("quotas and samples", () => {
  const database = useTestDatabase();

  it("flags values below their quota among active members", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db, { panelQuotas: [{ attribute: "language", value: "ru", minShare: 20 }, { attribute: "language", value: "en", minShare: 20 }, { attribute: "channel", value: "online", minShare: 40 }] });
      await addMembers(db, org.id, panel.id, ["en", "en", "pl", "pl", "pl"]);
      const quotas = await getPanelQuotas(db, researcher.actor, org.id, panel.id);
      expect(quotas.activeMembers).toBe(5);
      expect(quotas.gaps.map((gap) => `${gap.attribute.key}.${gap.value}`)).toEqual(["language.ru"]);
      const channel = quotas.attributes.find((attribute) => attribute.attribute.key === "channel")!;
      expect(channel.rows.find((row) => row.value === "online")).toMatchObject({ count: 3, actualShare: 60, isGap: false });
    });
  });

  it("previews a balanced sample and saves exactly that draw", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, panel } = await researcherWithPanel(db);
      await addMembers(db, org.id, panel.id, [...Array(6).fill("en"), ...Array(5).fill("pl"), ...Array(2).fill("ru")]);
      const preview = await previewPanelSample(db, researcher.actor, org.id, { panelId: panel.id, size: "9", balanceOn: ["language"] });
      expect(preview.balance.map((row) => [row.value, row.achieved])).toEqual([["en", 4], ["pl", 3], ["ru", 2]]);
      await expect(previewPanelSample(db, researcher.actor, org.id, { panelId: panel.id, size: 3, balanceOn: ["shoeSize"] })).rejects.toMatchObject({ messageKey: "balanceOnInvalid" });

      const again = await previewPanelSample(db, researcher.actor, org.id, { panelId: panel.id, size: 9, balanceOn: ["language"], seed: preview.seed });
      const saved = await savePanelSample(db, researcher.actor, org.id, { panelId: panel.id, size: 9, balanceOn: ["language"], seed: preview.seed, name: "Campaign A" });
      expect(saved.members).toBe(9);
      const stored = await db.select({ userId: panelSampleMembers.userId }).from(panelSampleMembers).where(eq(panelSampleMembers.sampleId, saved.id));
      expect(stored).toHaveLength(again.selected);
      const samples = await listPanelSamples(db, researcher.actor, org.id, panel.id);
      expect(samples).toMatchObject([{ name: "Campaign A", members: 9, criteria: { size: 9, balanceOn: ["language"] }, composition: [{ value: "en", count: 4 }, { value: "pl", count: 3 }, { value: "ru", count: 2 }] }]);
    });
  });
});
