import "server-only";
import type { Db } from "@/db/client";
import { instruments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { LOCALES } from "@/lib/i18n/locales";
import type { Definition } from "./definition";
import { createInstrumentSchema, type CreateInstrumentInput } from "./schemas";

export async function createInstrument(db: Db, actor: Actor | null, orgId: string, input: CreateInstrumentInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "instruments.manage");
  const { name, defaultLocale } = createInstrumentSchema.parse(input);
  const draft: Definition = { title: { [defaultLocale]: name }, defaultLocale, requiredLocales: [...LOCALES], questions: [] };
  return db.transaction(async (tx) => {
    const [instrument] = await tx
      .insert(instruments)
      .values({ organizationId: organization.id, name, draft, createdByUserId: actor!.userId })
      .returning({ id: instruments.id, name: instruments.name });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "instrument.created", targetType: "instrument", targetId: instrument.id });
    return instrument;
  });
}
