import type { Db } from "../connect";
import { panelAttributes, programMembers, programs } from "../schema";
import { consentTextHash } from "@/lib/councils/consent";
import { seedConsent } from "./consent";
import type { SeedPerson } from "./history";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const CONSENT_TEXT = [
  "What we collect: your answers to quick polls and live sessions, your posts in session discussions, and your profile.",
  "What for: to test ideas and campaigns with customers before they reach everyone.",
  "Who sees it: Northwind's research team; leaders watching a live session see only groups of at least five people.",
  "How to leave: use “Leave” in your portal at any time.",
].join("\n\n");

/** The organization's own profile attribute for panels in the demo. */
export const DEMO_PANEL_ATTRIBUTE = { key: "channel", label: "Where you shop most", values: ["store", "online", "both"] };

/** How many of the demo customers (Irina first) are on the panel. */
export const DEMO_PANEL_SIZE = 31;

/**
 * The demo's standing customer panel: the first thirty demo customers (and Irina, the demo
 * customer), with their profiles, an organization attribute and representation quotas.
 */
export async function seedPanel(tx: Tx, organizationId: string, researcherUserId: string, customers: SeedPerson[]) {
  await tx.insert(panelAttributes).values({ organizationId, ...DEMO_PANEL_ATTRIBUTE });
  const [panel] = await tx
    .insert(programs)
    .values({
      organizationId,
      kind: "panel",
      name: "Northwind customer panel",
      purpose: "Be the first to see our ideas and campaigns: quick polls between live sessions, whenever you have a minute.",
      consentText: CONSENT_TEXT,
      cadence: "custom",
      startsOn: new Date("2026-03-01T09:00:00Z"),
      targetSize: 40,
      panelQuotas: [
        { attribute: "ageBand", value: "55plus", minShare: 15 },
        { attribute: "language", value: "en", minShare: 20 },
        { attribute: "language", value: "pl", minShare: 20 },
        { attribute: "language", value: "ru", minShare: 20 },
      ],
      createdByUserId: researcherUserId,
      createdAt: new Date("2026-03-01T09:00:00Z"),
    })
    .returning({ id: programs.id });
  const joinedAt = new Date("2026-03-05T10:00:00Z");
  const channels = DEMO_PANEL_ATTRIBUTE.values;
  await tx.insert(programMembers).values(
    customers.slice(0, DEMO_PANEL_SIZE).map((member, index) => ({
      programId: panel.id,
      organizationId,
      userId: member.userId,
      status: "active" as const,
      profile: { region: member.attributes.region, language: member.attributes.language, ageBand: member.attributes.ageBand, tenure: member.attributes.tenure, custom: { channel: channels[index % channels.length] } },
      consentTextHash: consentTextHash(CONSENT_TEXT),
      consentedAt: joinedAt,
      joinedAt,
    })),
  );
  await seedConsent(tx, { id: panel.id, organizationId, name: "Northwind customer panel", consentText: CONSENT_TEXT, researcherUserId, createdAt: new Date("2026-03-01T09:00:00Z") }, customers.slice(0, DEMO_PANEL_SIZE), joinedAt, ["ad_targeting", "individual_personalization"]);
  return panel;
}
