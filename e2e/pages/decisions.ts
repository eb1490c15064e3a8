import { expect, type Page } from "@playwright/test";

/**
 * On the campaigns page, a leader creates a campaign and records a launch decision citing one
 * published insight; returns the cited insight as the decision log shows it.
 */
export async function launchCitingInsight(leader: Page, campaign: string, rationale: string, claim: string) {
  await leader.getByLabel("Name").fill(campaign);
  await leader.getByRole("button", { name: "Create campaign" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: campaign })).toBeVisible();
  const log = leader.getByRole("region", { name: "Decision log" });
  await log.getByLabel("Decision", { exact: true }).selectOption({ label: "Launch" });
  await log.getByLabel("Rationale").fill(rationale);
  await log.getByRole("group", { name: "Published insights" }).getByRole("checkbox", { name: new RegExp(claim) }).check();
  await log.getByRole("button", { name: "Record decision" }).click();
  await expect(leader.getByText("Decision recorded.")).toBeVisible();
  return leader.getByTestId("decision").first().getByTestId("insight-evidence");
}
