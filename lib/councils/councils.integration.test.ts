import { and, count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, cycleMemos, devMailbox, instruments, jobs, memberships, programCycles, programInvitations, programMembers, programs } from "@/db/schema";
import { createOpenInstrument } from "@/tests/instrument-factories";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization, createUser } from "@/tests/factories";
import { consentTextHash } from "./consent";
import { importCouncilInvitations, inviteToCouncil, previewCouncilInvitations } from "./invite-to-council";
import { createCouncil } from "./create-council";
import { getCouncil, listCouncils } from "./get-council";
import { getCouncilComposition } from "./get-council-composition";
import { findCouncilInvitation, joinCouncil } from "./join-council";
import { leaveCouncil } from "./leave-council";
import { renewConsent } from "./renew-consent";
import { getMyCouncil, listMyCouncils } from "./my-councils";
import { listCouncilInvitations, revokeCouncilInvitation } from "./council-invitations";
import { listCouncilMembers } from "./council-members";
import type { JoinCouncilInput } from "./schemas";
import { updateCouncil } from "./update-council";

const BASE_URL = "http://localhost:3000";
const NOW = new Date("2027-02-10T12:00:00Z");
const PROFILE = { region: "baltics", language: "ru", ageBand: "35to44", tenure: "3to5" } as const;
const COUNCIL = { name: "Loyal customers", purpose: "Tell us what the numbers do not show." };

async function researcherWithCouncil(db: Db, overrides: Record<string, unknown> = {}) {
  const org = await createOrganization(db);
  const researcher = await createMember(db, org.id, "researcher");
  const council = await createCouncil(db, researcher.actor, org.id, { ...COUNCIL, ...overrides }, NOW);
  return { org, researcher, council };
}

async function tokenSentTo(db: Db, email: string): Promise<string> {
  const [mail] = await db.select({ text: devMailbox.text }).from(devMailbox).where(eq(devMailbox.to, email)).orderBy(desc(devMailbox.createdAt)).limit(1);
  const match = mail?.text.match(/\/join\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no council invitation mail to ${email}`);
  return match[1];
}

async function invitedCustomer(db: Db, orgId: string, researcher: { userId: string }, councilId: string, email: string) {
  const customer = await createUser(db, { email });
  await inviteToCouncil(db, researcher, orgId, { councilId, email, locale: "ru" }, BASE_URL, NOW);
  return { customer, token: await tokenSentTo(db, email) };
}

describe("creating a council", () => {
  const database = useTestDatabase();

  it("publishes a default survey, defaults to next quarter and schedules the first session", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db, { defaultLocale: "pl", targetSize: "12", compositionTargets: [{ attribute: "region", value: "baltics", share: 50 }] });
      expect(council.firstSessionOpensAt).toEqual(new Date("2027-04-01T08:00:00Z"));

      const [program] = await db.select().from(programs).where(eq(programs.id, council.id));
      expect(program).toMatchObject({ kind: "council", cadence: "quarterly", defaultLocale: "pl", targetSize: 12, openForDays: 14, maxReminders: 2 });
      expect(program.consentText).toContain(COUNCIL.name);
      expect(program.consentText).toMatch(/Kto to widzi/);
      const [survey] = await db.select().from(instruments).where(eq(instruments.id, program.templateInstrumentId!));
      expect(survey.latestVersion).toBe(1);
      expect(survey.programId).toBe(council.id);
      expect(survey.draft.questions.map((question) => question.code ?? question.type)).toEqual(["NPS", "SERVQUAL_EMP_1", "SERVQUAL_EMP_4", "SERVQUAL_EMP_5", "text"]);

      const cycles = await db.select().from(programCycles).where(eq(programCycles.programId, council.id));
      expect(cycles).toMatchObject([{ sequence: 0, status: "scheduled", opensAt: new Date("2027-04-01T08:00:00Z") }]);
      const [openJob] = await db.select({ runAt: jobs.runAt }).from(jobs).where(eq(jobs.dedupeKey, `cycle.open:${cycles[0].id}`));
      expect(openJob.runAt).toEqual(new Date("2027-04-01T08:00:00Z"));

      const listed = await listCouncils(db, researcher.actor, org.id);
      expect(listed).toMatchObject([{ id: council.id, activeMembers: 0, nextSessionAt: new Date("2027-04-01T08:00:00Z") }]);
    });
  });

  it("uses a chosen published instrument and the chosen first date, and refuses an unpublished one", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const { instrumentId, researcher } = await createOpenInstrument(db, org.id);
      const council = await createCouncil(db, researcher.actor, org.id, { ...COUNCIL, cadence: "monthly", startsOn: "2027-03-15", surveyInstrumentId: instrumentId }, NOW);
      expect(council.firstSessionOpensAt).toEqual(new Date("2027-03-15T08:00:00Z"));
      const [program] = await db.select({ templateInstrumentId: programs.templateInstrumentId }).from(programs).where(eq(programs.id, council.id));
      expect(program.templateInstrumentId).toBe(instrumentId);

      const [draft] = await db.insert(instruments).values({ organizationId: org.id, name: "Draft only", draft: { title: { en: "Draft" }, defaultLocale: "en", requiredLocales: ["en"], questions: [] } }).returning({ id: instruments.id });
      await expect(createCouncil(db, researcher.actor, org.id, { ...COUNCIL, surveyInstrumentId: draft.id }, NOW)).rejects.toMatchObject({ code: "INVALID", messageKey: "surveyNotPublished" });
    });
  });

  it("validates settings and keeps councils inside their organization", async () => {
    await database.inRollback(async (db) => {
      const { org, council } = await researcherWithCouncil(db);
      await expect(createCouncil(db, (await createMember(db, org.id, "researcher")).actor, org.id, { name: "X", purpose: "short", cadence: "custom" }, NOW)).rejects.toMatchObject({ name: "ZodError" });
      const tooMuch = [{ attribute: "region", value: "north", share: 70 }, { attribute: "region", value: "south", share: 40 }];
      await expect(createCouncil(db, (await createMember(db, org.id, "researcher")).actor, org.id, { ...COUNCIL, compositionTargets: tooMuch }, NOW)).rejects.toThrow(/targetsOver100/);
      // Text PostgreSQL cannot store, and a binary file posing as a CSV, are refused with a reason.
      await expect(createCouncil(db, (await createMember(db, org.id, "researcher")).actor, org.id, { ...COUNCIL, purpose: "Tell us about\u0000 shopping here" }, NOW)).rejects.toThrow(/textInvalid/);
      const researcher = await createMember(db, org.id, "researcher");
      await expect(previewCouncilInvitations(db, researcher.actor, org.id, "email\n\u0000PK\u0003\u0004")).rejects.toMatchObject({ code: "INVALID", messageKey: "importNotText" });
      await expect(importCouncilInvitations(db, researcher.actor, org.id, { councilId: council.id, csv: "" }, BASE_URL, NOW)).rejects.toMatchObject({ code: "INVALID", messageKey: "importEmpty" });
      // Nothing about the file is said to someone who may not import.
      const customer = await createMember(db, org.id, "participant");
      await expect(previewCouncilInvitations(db, customer.actor, org.id, "\u0000")).rejects.toMatchObject({ code: "FORBIDDEN" });

      const other = await createOrganization(db);
      const stranger = await createMember(db, other.id, "researcher");
      await expect(getCouncil(db, stranger.actor, org.id, council.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getCouncil(db, stranger.actor, other.id, council.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateCouncil(db, stranger.actor, other.id, { ...COUNCIL, councilId: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(inviteToCouncil(db, stranger.actor, other.id, { councilId: council.id, email: "a@example.test" }, BASE_URL)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const participant = await createMember(db, org.id, "participant");
      await expect(listCouncils(db, participant.actor, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("updates settings without touching the scheduled session", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      await updateCouncil(db, researcher.actor, org.id, { councilId: council.id, name: "Renamed", purpose: COUNCIL.purpose, cadence: "custom", cadenceMonths: "2", targetSize: "30" });
      const detail = await getCouncil(db, researcher.actor, org.id, council.id);
      expect(detail).toMatchObject({ name: "Renamed", cadence: "custom", cadenceMonths: 2, targetSize: 30 });
      expect(detail.consentText).toContain(COUNCIL.name);
      expect(detail.sessions).toHaveLength(1);
    });
  });
});

describe("tenant boundary: a researcher of organization A reaches no council of organization B", () => {
  const database = useTestDatabase();

  it("answers NOT_FOUND whether B's council is addressed through B or through A", async () => {
    await database.inRollback(async (db) => {
      const { org: orgB, researcher: researcherB, council } = await researcherWithCouncil(db);
      const invitation = await inviteToCouncil(db, researcherB.actor, orgB.id, { councilId: council.id, email: "b-guest@example.test" }, BASE_URL, NOW);
      const orgA = await createOrganization(db);
      const researcherA = await createMember(db, orgA.id, "researcher");
      for (const orgId of [orgA.id, orgB.id]) {
        const attempts = {
          getCouncil: () => getCouncil(db, researcherA.actor, orgId, council.id),
          updateCouncil: () => updateCouncil(db, researcherA.actor, orgId, { ...COUNCIL, councilId: council.id }),
          listCouncilMembers: () => listCouncilMembers(db, researcherA.actor, orgId, council.id),
          listCouncilInvitations: () => listCouncilInvitations(db, researcherA.actor, orgId, council.id),
          getCouncilComposition: () => getCouncilComposition(db, researcherA.actor, orgId, council.id),
          inviteToCouncil: () => inviteToCouncil(db, researcherA.actor, orgId, { councilId: council.id, email: "x@example.test" }, BASE_URL),
          importCouncilInvitations: () => importCouncilInvitations(db, researcherA.actor, orgId, { councilId: council.id, csv: "email\nx@example.test" }, BASE_URL),
          revokeCouncilInvitation: () => revokeCouncilInvitation(db, researcherA.actor, orgId, { councilId: council.id, invitationId: invitation.id }),
          leaveCouncil: () => leaveCouncil(db, researcherA.actor, orgId, { councilId: council.id }),
          getMyCouncil: () => getMyCouncil(db, researcherA.actor, orgId, council.id),
        };
        for (const [name, attempt] of Object.entries(attempts)) await expect(attempt(), `${name} via ${orgId === orgA.id ? "A" : "B"}`).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await listCouncils(db, researcherA.actor, orgA.id)).toEqual([]);
      const [untouched] = await db.select({ name: programs.name }).from(programs).where(eq(programs.id, council.id));
      expect(untouched.name).toBe(COUNCIL.name);
    });
  });
});

describe("recruiting", () => {
  const database = useTestDatabase();

  it("mails a single-use join link in the invitee's language, and re-inviting replaces it", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      await inviteToCouncil(db, researcher.actor, org.id, { councilId: council.id, email: " Olga@Example.test ", locale: "ru" }, BASE_URL, NOW);
      const first = await tokenSentTo(db, "olga@example.test");
      const [mail] = await db.select({ subject: devMailbox.subject }).from(devMailbox).where(eq(devMailbox.to, "olga@example.test"));
      expect(mail.subject).toMatch(/Приглашение/);

      await inviteToCouncil(db, researcher.actor, org.id, { councilId: council.id, email: "olga@example.test" }, BASE_URL, new Date(NOW.getTime() + 1000));
      const second = await tokenSentTo(db, "olga@example.test");
      expect(second).not.toBe(first);
      await expect(findCouncilInvitation(db, first, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const found = await findCouncilInvitation(db, second, NOW);
      expect(found).toMatchObject({ councilName: COUNCIL.name, purpose: COUNCIL.purpose, locale: "en" });
      expect(found.expiresAt).toEqual(new Date(NOW.getTime() + 1000 + 14 * 86_400_000));

      const states = await listCouncilInvitations(db, researcher.actor, org.id, council.id, NOW);
      expect(states.map((invitation) => invitation.state).sort()).toEqual(["pending", "revoked"]);
    });
  });

  it("previews a CSV without writing anything, then imports the valid rows and skips active members", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "member@example.test");
      await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW);
      const csv = ["Email,Name,Language", "anna@example.test,Anna,pl", "not-an-email,Bad,en", "ANNA@example.test,Anna K.,", "ivan@example.test,,ru", "member@example.test,Member,en", "piotr@example.test,Piotr,de"].join("\n");
      const invitationsBefore = await db.select({ n: count() }).from(programInvitations);
      const mailsBefore = await db.select({ n: count() }).from(devMailbox);

      const preview = await previewCouncilInvitations(db, researcher.actor, org.id, csv);
      expect(preview.rows.map((row) => row.email)).toEqual(["anna@example.test", "ivan@example.test", "member@example.test"]);
      expect(preview.rows[0]).toMatchObject({ name: "Anna K.", locale: "pl" });
      expect(preview.mergedDuplicates).toBe(1);
      expect(preview.errors).toEqual([
        { line: 3, column: "email", messageKey: "emailInvalid" },
        { line: 7, column: "language", messageKey: "localeInvalid" },
      ]);
      expect(await db.select({ n: count() }).from(programInvitations)).toEqual(invitationsBefore);
      expect(await db.select({ n: count() }).from(devMailbox)).toEqual(mailsBefore);

      const result = await importCouncilInvitations(db, researcher.actor, org.id, { councilId: council.id, csv }, BASE_URL, NOW);
      expect(result.invited.map((invitation) => invitation.email)).toEqual(["anna@example.test", "ivan@example.test"]);
      expect(result.skipped).toEqual(["member@example.test"]);
      const [annaMail] = await db.select({ subject: devMailbox.subject }).from(devMailbox).where(eq(devMailbox.to, "anna@example.test"));
      expect(annaMail.subject).toMatch(/Zaproszenie/);
      await expect(inviteToCouncil(db, researcher.actor, org.id, { councilId: council.id, email: "member@example.test" }, BASE_URL, NOW)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "alreadyCouncilMember" });
      await expect(previewCouncilInvitations(db, (await createMember(db, org.id, "participant")).actor, org.id, csv)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});

describe("joining and leaving", () => {
  const database = useTestDatabase();

  it("joins with consent and profile as a participant, once", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "irina@example.test");
      await expect(joinCouncil(db, { userId: customer.id }, { token, consent: "", ...PROFILE } as unknown as JoinCouncilInput, NOW)).rejects.toThrow(/consentRequired/);
      await expect(joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE, region: "mars" } as unknown as JoinCouncilInput, NOW)).rejects.toThrow(/choiceRequired/);

      const joined = await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE, selfDescribed: "  I shop online at night " }, NOW);
      expect(joined).toEqual({ organizationSlug: org.slug, councilId: council.id });
      const [membership] = await db.select({ role: memberships.role, attributes: memberships.attributes }).from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, customer.id)));
      expect(membership.role).toBe("participant");
      // The profile is what their responses are split by; the free text stays in the council only.
      expect(membership.attributes).toEqual({ region: PROFILE.region, language: PROFILE.language, ageBand: PROFILE.ageBand, tenure: PROFILE.tenure });
      const [member] = await db.select().from(programMembers).where(eq(programMembers.userId, customer.id));
      const [program] = await db.select({ consentText: programs.consentText }).from(programs).where(eq(programs.id, council.id));
      expect(member).toMatchObject({ status: "active", consentTextHash: consentTextHash(program.consentText), consentedAt: NOW, profile: { ...PROFILE, selfDescribed: "I shop online at night" } });
      const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "council.joined")));
      expect(audits).toHaveLength(1);

      await expect(joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW)).rejects.toMatchObject({ code: "GONE", messageKey: "invitationUsed" });
      const { members } = await listCouncilMembers(db, researcher.actor, org.id, council.id);
      expect(members).toMatchObject([{ email: "irina@example.test", status: "active" }]);
      expect(await listMyCouncils(db, { userId: customer.id }, org.id)).toMatchObject([{ id: council.id, name: COUNCIL.name }]);
    });
  });

  it("keeps an existing member's role and refuses another person's, an expired or a revoked link", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      const colleague = await createMember(db, org.id, "leader", { email: "leader@example.test" });
      await inviteToCouncil(db, researcher.actor, org.id, { councilId: council.id, email: "leader@example.test" }, BASE_URL, NOW);
      await joinCouncil(db, colleague.actor, { token: await tokenSentTo(db, "leader@example.test"), consent: "yes", ...PROFILE }, NOW);
      const [kept] = await db.select({ role: memberships.role, attributes: memberships.attributes }).from(memberships).where(eq(memberships.id, colleague.membershipId));
      expect(kept).toMatchObject({ role: "leader", attributes: { region: PROFILE.region } });

      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "late@example.test");
      const stranger = await createUser(db, { email: "stranger@example.test" });
      await expect(joinCouncil(db, { userId: stranger.id }, { token, consent: "yes", ...PROFILE }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "invitationOtherEmail" });
      await expect(joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, new Date(NOW.getTime() + 15 * 86_400_000))).rejects.toMatchObject({ code: "GONE", messageKey: "invitationExpired" });
      await expect(joinCouncil(db, null, { token, consent: "yes", ...PROFILE }, NOW)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

      const [invitation] = await db.select({ id: programInvitations.id }).from(programInvitations).where(eq(programInvitations.email, "late@example.test"));
      await revokeCouncilInvitation(db, researcher.actor, org.id, { councilId: council.id, invitationId: invitation.id }, NOW);
      await expect(joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "invitationInvalid" });
      const joined = await db.select({ n: count() }).from(programMembers).where(eq(programMembers.userId, customer.id));
      expect(joined).toEqual([{ n: 0 }]);
    });
  });

  it("a member leaves at any time and no longer sees the council", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "leaver@example.test");
      await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW);
      const mine = await getMyCouncil(db, { userId: customer.id }, org.id, council.id);
      expect(mine).toMatchObject({ name: COUNCIL.name, openSessions: [], pastSessions: [] });

      const other = await createMember(db, org.id, "participant");
      await expect(leaveCouncil(db, other.actor, org.id, { councilId: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getMyCouncil(db, other.actor, org.id, council.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

      const leftAt = new Date(NOW.getTime() + 86_400_000);
      await leaveCouncil(db, { userId: customer.id }, org.id, { councilId: council.id }, leftAt);
      const [member] = await db.select({ status: programMembers.status, leftAt: programMembers.leftAt }).from(programMembers).where(eq(programMembers.userId, customer.id));
      expect(member).toEqual({ status: "left", leftAt });
      expect(await listMyCouncils(db, { userId: customer.id }, org.id)).toEqual([]);
      await expect(getMyCouncil(db, { userId: customer.id }, org.id, council.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(leaveCouncil(db, { userId: customer.id }, org.id, { councilId: council.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "council.left")));
      expect(audits).toHaveLength(1);
    });
  });

  it("a changed consent text asks members again, and an unchanged save does not", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db, { consentText: "We collect answers.\r\nYou can leave at any time." });
      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "renewer@example.test");
      await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW);
      const statusOf = async () => (await db.select({ status: programMembers.status, hash: programMembers.consentTextHash }).from(programMembers).where(eq(programMembers.userId, customer.id)))[0];
      expect((await statusOf()).hash).toBe(consentTextHash("We collect answers.\nYou can leave at any time."));

      // The browser sends the same text back with CRLF line breaks: nothing changed.
      await updateCouncil(db, researcher.actor, org.id, { ...COUNCIL, councilId: council.id, consentText: "We collect answers.\r\nYou can leave at any time." });
      expect((await statusOf()).status).toBe("active");
      await expect(renewConsent(db, { userId: customer.id }, org.id, { councilId: council.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });

      await updateCouncil(db, researcher.actor, org.id, { ...COUNCIL, councilId: council.id, consentText: "We now also collect photos." });
      expect((await statusOf()).status).toBe("pending_consent");
      const pending = await getMyCouncil(db, { userId: customer.id }, org.id, council.id);
      expect(pending).toMatchObject({ memberStatus: "pending_consent", consentText: "We now also collect photos.", openSessions: [] });
      expect((await getCouncilComposition(db, researcher.actor, org.id, council.id)).activeMembers).toBe(0);

      await renewConsent(db, { userId: customer.id }, org.id, { councilId: council.id }, NOW);
      expect(await statusOf()).toEqual({ status: "active", hash: consentTextHash("We now also collect photos.") });
    });
  });

  it("lists closed sessions with their published memo for members", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db);
      const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, "reader@example.test");
      await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE }, NOW);
      const [session] = await db.update(programCycles).set({ status: "closed", openedAt: NOW, closedAt: NOW }).where(eq(programCycles.programId, council.id)).returning({ id: programCycles.id });
      await db.insert(cycleMemos).values({ cycleId: session.id, organizationId: org.id, title: "What we heard", status: "published", publishedAt: NOW });
      const mine = await getMyCouncil(db, { userId: customer.id }, org.id, council.id);
      expect(mine.pastSessions).toMatchObject([{ id: session.id, memoTitle: "What we heard" }]);
    });
  });
});

describe("composition", () => {
  const database = useTestDatabase();

  it("compares active members' profiles with the targets", async () => {
    await database.inRollback(async (db) => {
      const { org, researcher, council } = await researcherWithCouncil(db, {
        targetSize: "4",
        compositionTargets: [
          { attribute: "region", value: "baltics", share: 25 },
          { attribute: "region", value: "north", share: 50 },
        ],
      });
      for (const [index, region] of ["baltics", "baltics", "south"].entries()) {
        const { customer, token } = await invitedCustomer(db, org.id, researcher.actor, council.id, `c${index}@example.test`);
        await joinCouncil(db, { userId: customer.id }, { token, consent: "yes", ...PROFILE, region } as JoinCouncilInput, NOW);
      }
      const composition = await getCouncilComposition(db, researcher.actor, org.id, council.id);
      expect(composition).toMatchObject({ activeMembers: 3, targetSize: 4, sizeGap: 1 });
      const region = composition.attributes.find((attribute) => attribute.attribute === "region")!;
      expect(region.rows.find((row) => row.value === "north")).toMatchObject({ count: 0, actualShare: 0, targetShare: 50, isGap: true, missingMembers: 2 });
      expect(region.rows.find((row) => row.value === "baltics")).toMatchObject({ count: 2, targetShare: 25, isGap: false });

      const stranger = await createMember(db, (await createOrganization(db)).id, "researcher");
      await expect(getCouncilComposition(db, stranger.actor, org.id, council.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
