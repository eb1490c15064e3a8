/**
 * The profile a council member fills on joining, and the attributes composition targets are set on.
 * Defined once: the join form, its validation, the target inputs and the composition report all read it.
 */
export const PROFILE_CHOICES = {
  region: ["north", "south", "central", "baltics", "online"],
  language: ["en", "pl", "ru", "other"],
  ageBand: ["18to24", "25to34", "35to44", "45to54", "55plus"],
  tenure: ["under1", "1to3", "3to5", "over5"],
} as const;

export type ProfileAttribute = keyof typeof PROFILE_CHOICES;
export const PROFILE_ATTRIBUTES = Object.keys(PROFILE_CHOICES) as ProfileAttribute[];

export function isProfileChoice(attribute: string, value: string): boolean {
  return attribute in PROFILE_CHOICES && (PROFILE_CHOICES[attribute as ProfileAttribute] as readonly string[]).includes(value);
}
