import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { createMember, createOrganization } from "@/tests/factories";
import { getAsset } from "./get-asset";
import { MAX_ASSET_BYTES, uploadAsset } from "./upload-asset";

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));

describe("assets", () => {
  const database = useTestDatabase();

  it("stores an image by its real type and serves it to members of the organization only", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const customer = await createMember(db, org.id, "participant");
      const stranger = await createMember(db, other.id, "admin");

      const { id, url } = await uploadAsset(db, researcher.actor, { id: org.id }, PNG);
      expect(url).toBe(`/api/assets/${id}`);
      const served = await getAsset(db, customer.actor, id);
      expect(served.contentType).toBe("image/png");
      expect(Buffer.from(served.bytes).equals(Buffer.from(PNG))).toBe(true);

      await expect(getAsset(db, stranger.actor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getAsset(db, null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(getAsset(db, customer.actor, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("refuses other file types, oversized files, and uploads by respondents", async () => {
    await database.inRollback(async (db) => {
      const org = await createOrganization(db);
      const researcher = await createMember(db, org.id, "researcher");
      const customer = await createMember(db, org.id, "participant");
      const svgWithScript = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      await expect(uploadAsset(db, researcher.actor, { id: org.id }, svgWithScript)).rejects.toMatchObject({ code: "INVALID", messageKey: "imageType" });
      const huge = new Uint8Array(MAX_ASSET_BYTES + 1);
      huge.set(PNG);
      await expect(uploadAsset(db, researcher.actor, { id: org.id }, huge)).rejects.toMatchObject({ messageKey: "imageTooLarge" });
      await expect(uploadAsset(db, customer.actor, { id: org.id }, PNG)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
