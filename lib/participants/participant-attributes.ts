import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { panelAttributes } from "@/db/schema";
import { isProfileChoice, PROFILE_CHOICES } from "@/lib/councils/profile-choices";

/**
 * Attributes the app offers as choices keep to them, as on the join form: the profile (region,
 * language, age band, tenure) and the organization's own panel attributes. Others are free text,
 * as the roster's team or location are. A wrong one fails at `attributes/<key>`.
 */
export async function checkAttributeChoices(db: Db, organizationId: string, attributes: Record<string, string | null>): Promise<void> {
  const own = await db.select({ key: panelAttributes.key, values: panelAttributes.values }).from(panelAttributes).where(eq(panelAttributes.organizationId, organizationId));
  const issues: z.core.$ZodIssue[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null) continue;
    const choices = own.find((attribute) => attribute.key === key)?.values;
    const isWrong = key in PROFILE_CHOICES ? !isProfileChoice(key, value) : choices ? !choices.includes(value) : false;
    if (isWrong) issues.push({ code: "custom", path: ["attributes", key], message: "choiceRequired", input: value });
  }
  if (issues.length > 0) throw new z.ZodError(issues);
}
