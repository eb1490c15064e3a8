import type { Db } from "@/db/connect";
import type { AddLivePollInput } from "@/lib/live/schemas";
import { createMember } from "./factories";
import { createPanel } from "./poll-factories";

export const LIVE_NOW = new Date("2027-03-01T09:00:00Z");
export const LIVE_LATER = new Date("2027-03-01T10:00:00Z");

/** Poll content of each kind, as the console's form sends it. */
export const livePollContent: Record<"single" | "scale" | "text", Omit<AddLivePollInput, "sessionId">> = {
  single: { kind: "single", defaultLocale: "en", prompt: "Which hours suit you?", choices: ["Mornings", "Evenings"], translations: { pl: "Które godziny Ci odpowiadają?" } },
  scale: { kind: "scale", defaultLocale: "en", prompt: "How likely are you to recommend us?", minLabel: "Not at all", maxLabel: "Very" },
  text: { kind: "text", defaultLocale: "en", prompt: "What should we change first?" },
};

/** A panel, its researcher, a leader and an admin of the same organization. */
export async function createLiveTeam(db: Db, orgId: string) {
  const { panel, researcher } = await createPanel(db, orgId);
  const leader = await createMember(db, orgId, "leader");
  return { panel, researcher, leader };
}
