import type { CompositionTarget, MemberProfile } from "@/db/schema/programs";
import { PROFILE_ATTRIBUTES, PROFILE_CHOICES, type ProfileAttribute } from "./profile-choices";

/** A share this many percentage points below its target is a gap worth recruiting for. */
export const GAP_TOLERANCE_POINTS = 5;

export interface CompositionRow {
  value: string;
  count: number;
  /** 0–100, of the active members who gave this attribute. */
  actualShare: number;
  targetShare: number | null;
  isGap: boolean;
  /** How many more members with this value would reach the target at the current size. */
  missingMembers: number;
}

export interface Composition {
  activeMembers: number;
  targetSize: number | null;
  /** Members still to recruit to reach the target size. */
  sizeGap: number;
  attributes: Array<{ attribute: ProfileAttribute; answered: number; rows: CompositionRow[]; hasTargets: boolean }>;
}

/** The council's actual make-up per profile attribute against its targets, with under-represented values flagged. */
export function compareComposition(profiles: MemberProfile[], targets: CompositionTarget[], targetSize: number | null): Composition {
  const size = Math.max(profiles.length, targetSize ?? 0);
  const attributes = PROFILE_ATTRIBUTES.map((attribute) => {
    const values = profiles.map((profile) => profile[attribute]).filter((value): value is string => Boolean(value));
    const hasTargets = targets.some((target) => target.attribute === attribute);
    const rows = PROFILE_CHOICES[attribute].map((value) => {
      const count = values.filter((given) => given === value).length;
      const actualShare = values.length > 0 ? (count / values.length) * 100 : 0;
      const targetShare = targets.find((target) => target.attribute === attribute && target.value === value)?.share ?? null;
      const isGap = targetShare !== null && targetShare > 0 && actualShare < targetShare - GAP_TOLERANCE_POINTS;
      const missingMembers = targetShare === null ? 0 : Math.max(0, Math.ceil((targetShare / 100) * size - count));
      return { value, count, actualShare, targetShare, isGap, missingMembers };
    });
    return { attribute, answered: values.length, rows, hasTargets };
  });
  return { activeMembers: profiles.length, targetSize, sizeGap: Math.max(0, (targetSize ?? 0) - profiles.length), attributes };
}
