import { describe, expect, it } from "vitest";
import { devMailbox } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { listDevMail } from "./list-dev-mail";

describe("dev mailbox", () => {
  const database = useTestDatabase();

  it("lists one person's mail, newest first, whatever the case of the address", async () => {
    await database.inRollback(async (db) => {
      await db.insert(devMailbox).values([
        { to: "ana@example.test", subject: "first", text: "1", createdAt: new Date("2027-01-01T10:00:00Z") },
        { to: "bob@example.test", subject: "other", text: "2", createdAt: new Date("2027-01-01T10:01:00Z") },
        { to: "Ana@Example.test", subject: "second", text: "3", createdAt: new Date("2027-01-01T10:02:00Z") },
      ]);
      expect((await listDevMail(db, { to: "ANA@example.test" })).map((mail) => mail.subject)).toEqual(["second", "first"]);
      expect((await listDevMail(db, { limit: 2 })).map((mail) => mail.subject)).toEqual(["second", "other"]);
    });
  });
});
