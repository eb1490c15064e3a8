import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";

export const updateProfileSchema = z.object({
  name: z.string().trim().max(80, { message: "nameTooLong" }).optional(),
  locale: z.enum(LOCALES, { message: "localeInvalid" }).optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

/** A person edits their own profile only; the name may be cleared. */
export async function updateProfile(db: Db, actor: Actor | null, input: UpdateProfileInput) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const { name, locale } = updateProfileSchema.parse(input);
  const changes: Partial<typeof users.$inferInsert> = {};
  if (name !== undefined) changes.name = name === "" ? null : name;
  if (locale !== undefined) changes.locale = locale;
  if (Object.keys(changes).length === 0) return;
  await db.update(users).set(changes).where(eq(users.id, actor.userId));
}
