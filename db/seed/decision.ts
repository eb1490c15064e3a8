import { and, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { campaigns, cycleMemos } from "../schema";
import { recordDecision } from "@/lib/decisions/record-decision";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A decision that answers the council's summer memo, so members see "you said, we did" on their
 * "my data" page: the CMO launches Russian signage and receipts, citing the memo and the Empathy Index.
 */
export async function seedCouncilDecision(tx: Tx, organizationId: string, cmoUserId: string) {
  const [memo] = await tx.select({ id: cycleMemos.id }).from(cycleMemos).where(and(eq(cycleMemos.organizationId, organizationId), eq(cycleMemos.status, "published")));
  const [campaign] = await tx
    .insert(campaigns)
    .values({ organizationId, name: "Signs and receipts in your language", markets: ["Latvia", "Poland"], audiences: ["Russian speakers"], status: "testing", createdByUserId: cmoUserId })
    .returning({ id: campaigns.id });
  await recordDecision(tx as unknown as Db, { userId: cmoUserId }, organizationId, {
    campaignId: campaign.id,
    kind: "launch",
    rationale: "The council told us Russian speakers feel rushed and unseen: signs, receipts and staff often work only in Polish and English. We launch Russian signage and receipts in Riga and Gdańsk, and a language badge for staff who can help in Russian.",
    evidenceMemoIds: [memo.id],
    evidenceKpiKeys: ["empathy-index"],
    expectedKpiKeys: ["empathy-index"],
  });
}
