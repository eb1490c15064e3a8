import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assets, campaignConcepts } from "@/db/schema";
import { getAsset } from "@/lib/assets/get-asset";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { addConcept } from "./add-concept";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));

describe("campaign concepts", () => {
  const database = useTestDatabase();

  it("keep an uploaded image that the organization's members can see and nobody else can", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const customer = await createMember(db, org.id, "participant");
      const outsider = await createMember(db, (await createOrganization(db)).id, "admin");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Winter coats" });
      await addConcept(db, leader.actor, org.id, { campaignId: campaign.id, title: "Warm welcome", copyEn: "Come in from the cold." }, PNG);

      const { concepts } = await getCampaign(db, leader.actor, { id: org.id }, campaign.id);
      expect(concepts).toHaveLength(1);
      const imageId = concepts[0].imageAssetId!;
      expect(imageId).toMatch(/^[0-9a-f-]{36}$/);
      // Panel members answer a resonance test that shows the image, so they may load it.
      expect((await getAsset(db, customer.actor, imageId)).contentType).toBe("image/png");
      await expect(getAsset(db, outsider.actor, imageId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("refuse a file that is not an image, storing neither the concept nor the file", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const leader = await createMember(db, org.id, "leader");
      const campaign = await createCampaign(db, leader.actor, org.id, { name: "Winter coats" });
      const script = new TextEncoder().encode("<script>alert(1)</script>");
      await expect(addConcept(db, leader.actor, org.id, { campaignId: campaign.id, title: "Sneaky", copyEn: "Hello" }, script)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { image: "imageType" } });
      await expect(addConcept(db, leader.actor, org.id, { campaignId: campaign.id, title: "Huge", copyEn: "Hello" }, new Uint8Array(3 * 1024 * 1024))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { image: "imageTooLarge" } });
      expect(await db.select({ id: campaignConcepts.id }).from(campaignConcepts).where(eq(campaignConcepts.campaignId, campaign.id))).toHaveLength(0);
      expect(await db.select({ id: assets.id }).from(assets).where(eq(assets.organizationId, org.id))).toHaveLength(0);
    });
  });
});
