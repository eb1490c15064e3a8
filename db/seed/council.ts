import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { cycleNotifications, instrumentVersions, instruments, programCycles, programMembers, programs, responseAnswers, responses } from "../schema";
import type { Definition } from "@/lib/instruments/definition";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import { consentTextHash } from "@/lib/councils/consent";
import { seedConsent } from "./consent";
import { saveMemo } from "@/lib/memos/save-memo";
import { planNextCycle } from "@/lib/programs/plan-next-cycle";
import type { SeedPerson } from "./history";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const CONSENT_TEXT = [
  "What we collect: your answers to a short survey each quarter and the profile you give us (region, language, age band, how long you have shopped with us).",
  "What for: to understand what shopping with Northwind is like for you, and to change what does not work.",
  "Who sees it: Northwind's research team sees answers; leaders see only figures for groups of at least five people.",
  "How to leave: use “Leave the council” in your portal at any time. Your earlier answers stay in the figures without your name.",
].join("\n\n");

/** A past session of the council: its window and the survey its members answered. */
export interface SeedSession {
  instrumentId: string;
  window: [Date, Date];
}

/**
 * The demo's lived-experience advisory council: every demo customer is a member who consented in
 * January, the three quarterly customer pulses are its closed sessions, the latest has a published
 * memo quoting members, and the next session is scheduled by the job queue like any other.
 */
export async function seedCouncil(tx: Tx, organizationId: string, researcherUserId: string, members: SeedPerson[], template: Definition, sessions: SeedSession[]) {
  const createdAt = new Date("2026-01-12T09:00:00Z");
  const [templateInstrument] = await tx
    .insert(instruments)
    .values({ organizationId, name: "Customer council survey", draft: template, latestVersion: 1, hasUnpublishedChanges: false, isOpen: false, audience: ["participant"], createdByUserId: researcherUserId, createdAt, updatedAt: createdAt })
    .returning({ id: instruments.id });
  await tx.insert(instrumentVersions).values({ organizationId, instrumentId: templateInstrument.id, version: 1, definition: template, publishedByUserId: researcherUserId, publishedAt: createdAt });
  const [council] = await tx
    .insert(programs)
    .values({
      organizationId,
      kind: "council",
      name: "Customer advisory council",
      purpose: "Tell us every quarter what our numbers do not show: how it feels to shop with Northwind in your language, your region and your stage of life.",
      consentText: CONSENT_TEXT,
      cadence: "quarterly",
      startsOn: sessions[0].window[0],
      openDay: 2,
      openForDays: 30,
      targetSize: 45,
      compositionTargets: [
        { attribute: "language", value: "ru", share: 25 },
        { attribute: "language", value: "pl", share: 30 },
        { attribute: "ageBand", value: "55plus", share: 15 },
        { attribute: "region", value: "baltics", share: 20 },
      ],
      templateInstrumentId: templateInstrument.id,
      createdByUserId: researcherUserId,
      createdAt,
    })
    .returning({ id: programs.id });
  await tx.update(instruments).set({ programId: council.id }).where(eq(instruments.id, templateInstrument.id));

  const consentedAt = new Date("2026-01-20T10:00:00Z");
  await tx.insert(programMembers).values(
    members.map((member) => ({
      programId: council.id,
      organizationId,
      userId: member.userId,
      status: "active" as const,
      profile: { region: member.attributes.region, language: member.attributes.language, ageBand: member.attributes.ageBand, tenure: member.attributes.tenure },
      consentTextHash: consentTextHash(CONSENT_TEXT),
      consentedAt,
      joinedAt: consentedAt,
    })),
  );
  await seedConsent(tx, { id: council.id, organizationId, name: "Customer advisory council", consentText: CONSENT_TEXT, researcherUserId, createdAt }, members, consentedAt, ["ad_targeting", "individual_personalization", "third_parties"]);

  const cycleIds: string[] = [];
  for (const [sequence, session] of sessions.entries()) {
    await tx.update(instruments).set({ programId: council.id }).where(eq(instruments.id, session.instrumentId));
    const [cycle] = await tx
      .insert(programCycles)
      .values({ programId: council.id, organizationId, sequence, opensAt: session.window[0], closesAt: session.window[1], status: "closed", instrumentId: session.instrumentId, openedAt: session.window[0], closedAt: session.window[1] })
      .returning({ id: programCycles.id });
    await tx.insert(cycleNotifications).values(members.map((member) => ({ cycleId: cycle.id, userId: member.userId, kind: "invitation" as const, sequence: 0, sentAt: session.window[0] })));
    cycleIds.push(cycle.id);
  }

  // The latest session's memo, quoting three members who agreed to be quoted, in their own words.
  const latest = sessions[sessions.length - 1];
  const quotes = await tx
    .select({ responseId: responseAnswers.responseId, questionId: responseAnswers.questionId })
    .from(responseAnswers)
    .innerJoin(responses, eq(responses.id, responseAnswers.responseId))
    .where(and(eq(responseAnswers.instrumentId, latest.instrumentId), isNotNull(responseAnswers.textValue), hasEffectiveConsent(sql`${council.id}::uuid`, responses.respondentUserId, "quotes")))
    .orderBy(asc(responseAnswers.id))
    .limit(3);
  await saveMemo(
    tx as unknown as Db,
    { userId: researcherUserId },
    organizationId,
    council.id,
    {
      cycleId: cycleIds[cycleIds.length - 1],
      title: "What you told us this summer",
      body: [
        "Thank you to everyone who answered. Most of you feel listened to in our stores, and that has grown every quarter.",
        "Members who speak Russian told a different story: signs, receipts and staff often only work in Polish and English, and some of you felt rushed. That gap is the clearest thing in this quarter's figures.",
        "What happens next: Russian signage and receipts in our Riga and Gdańsk stores by December, and a language badge for staff who can help in Russian. We will tell you in the next session whether it made a difference.",
      ].join("\n\n"),
      quotes,
      intent: "publish",
    },
    new Date(latest.window[1].getTime() + 5 * 86_400_000),
  );

  // The next session is planned like any other: the job queue opens it on its day.
  await planNextCycle(tx as unknown as Db, council.id);
}
