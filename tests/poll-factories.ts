import type { Db } from "@/db/connect";
import { memberships, panelSampleMembers, panelSamples, programMembers, programs } from "@/db/schema";
import { eq } from "drizzle-orm";
import { answerConsent, createConsentTexts } from "./consent-factories";
import { createMember } from "./factories";

/** A panel with its researcher; members are added with `createPanelMember`. */
export async function createPanel(db: Db, orgId: string) {
  const researcher = await createMember(db, orgId, "researcher");
  const [panel] = await db
    .insert(programs)
    .values({ organizationId: orgId, kind: "panel", name: "Customer panel", startsOn: new Date("2027-01-01T00:00:00Z"), createdByUserId: researcher.userId })
    .returning({ id: programs.id });
  await createConsentTexts(db, orgId, panel.id);
  return { panel, researcher };
}

/** A participant in the panel with profile attributes, snapshotted onto their responses; an active one agreed to research use and to being quoted. */
export async function createPanelMember(db: Db, orgId: string, panelId: string, attributes: Record<string, string> = {}, status: "active" | "left" = "active") {
  const member = await createMember(db, orgId, "participant");
  await db.update(memberships).set({ attributes }).where(eq(memberships.id, member.membershipId));
  await db.insert(programMembers).values({ programId: panelId, organizationId: orgId, userId: member.userId, status });
  if (status === "active") await answerConsent(db, orgId, panelId, member.userId, ["research", "quotes"]);
  return member;
}

export async function createSample(db: Db, orgId: string, panelId: string, userIds: string[]) {
  const [sample] = await db.insert(panelSamples).values({ programId: panelId, organizationId: orgId, name: "Sample", criteria: { size: userIds.length, balanceOn: [] } }).returning({ id: panelSamples.id });
  if (userIds.length > 0) await db.insert(panelSampleMembers).values(userIds.map((userId) => ({ sampleId: sample.id, userId })));
  return sample;
}
