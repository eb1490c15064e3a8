import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { AUDIT_ACTIONS, auditActionLabelKey } from "./actions";

describe("audit actions", () => {
  it.each(LOCALES)("each has a label in the %s catalog, so the audit log never shows a raw key", (locale) => {
    const labels = (MESSAGES[locale] as { audit: { actions: Record<string, string> } }).audit.actions;
    expect(AUDIT_ACTIONS.filter((action) => !labels[auditActionLabelKey(action)])).toEqual([]);
  });
});
