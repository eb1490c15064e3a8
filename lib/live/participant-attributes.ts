import type { MemberAttributes, MemberProfile } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { profileAttributes } from "@/lib/panels/panel-attributes";

/**
 * The attributes a live answer is counted under: the member's segment attributes, then their
 * panel profile (built-in and custom), with the language they answer in when neither names one.
 */
export function participantAttributes(segment: MemberAttributes, profile: MemberProfile, answerLocale: Locale): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const source of [segment, profileAttributes(profile)]) {
    for (const [key, value] of Object.entries(source)) if (typeof value === "string" && value !== "") attributes[key] = value;
  }
  attributes.language ??= answerLocale;
  return attributes;
}
