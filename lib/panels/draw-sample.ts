/** A panel member as the sampler sees them: who, and their attribute values (built-in and custom). */
export interface SampleCandidate {
  userId: string;
  attributes: Record<string, string | undefined>;
}

export interface SampleRequest {
  size: number;
  /** Attributes whose value combinations form the strata; none means one stratum (a plain random draw). */
  balanceOn: string[];
  /** The same seed and members always give the same sample, so a preview is what gets saved. */
  seed: string;
}

export interface Stratum {
  /** The stratum's value for each balanced attribute, in `balanceOn` order. */
  values: string[];
  available: number;
  allocated: number;
}

export interface ValueBalance {
  attribute: string;
  value: string;
  /** An even split of the requested size across the values present. */
  requested: number;
  achieved: number;
}

export interface DrawnSample {
  userIds: string[];
  strata: Stratum[];
  balance: ValueBalance[];
  /** Members who gave no value for a balanced attribute cannot be placed in a stratum. */
  excluded: number;
}

/**
 * Draws a balanced subset: the size is split as evenly as possible across the strata (largest
 * remainder), a stratum with too few members gives its spare places to the others, and members
 * within a stratum are picked by a shuffle seeded from `seed`.
 */
export function drawSample(candidates: SampleCandidate[], request: SampleRequest): DrawnSample {
  const groups = new Map<string, { values: string[]; members: SampleCandidate[] }>();
  let excluded = 0;
  for (const candidate of [...candidates].sort((a, b) => a.userId.localeCompare(b.userId))) {
    const values = request.balanceOn.map((attribute) => candidate.attributes[attribute]);
    if (values.some((value) => !value)) {
      excluded++;
      continue;
    }
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { values: values as string[], members: [] };
    group.members.push(candidate);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
  const allocation = allocateEvenly(ordered.map((group) => group.members.length), request.size);
  const userIds = ordered.flatMap((group, index) => seededShuffle(group.members, `${request.seed}:${JSON.stringify(group.values)}`).slice(0, allocation[index]).map((member) => member.userId));
  const strata = ordered.map((group, index) => ({ values: group.values, available: group.members.length, allocated: allocation[index] }));
  return { userIds, strata, balance: balanceByValue(strata, request), excluded };
}

/**
 * Splits `size` places across strata of the given capacities: each round shares what is left equally
 * among strata with room (remainders to the larger strata first), capped at their capacity.
 */
export function allocateEvenly(capacities: number[], size: number): number[] {
  const allocation = capacities.map(() => 0);
  let remaining = Math.min(Math.max(0, Math.floor(size)), capacities.reduce((sum, capacity) => sum + capacity, 0));
  while (remaining > 0) {
    const open = capacities.map((capacity, index) => ({ index, room: capacity - allocation[index] })).filter((stratum) => stratum.room > 0);
    const base = Math.floor(remaining / open.length);
    let extra = remaining % open.length;
    // Ties in the remainder go to the strata with the most room, then the first in order: stable and fair.
    const byRoom = [...open].sort((a, b) => b.room - a.room || a.index - b.index);
    const share = new Map(byRoom.map((stratum) => [stratum.index, base + (extra-- > 0 ? 1 : 0)]));
    for (const stratum of open) {
      const given = Math.min(stratum.room, share.get(stratum.index) ?? 0);
      allocation[stratum.index] += given;
      remaining -= given;
    }
  }
  return allocation;
}

function balanceByValue(strata: Stratum[], request: SampleRequest): ValueBalance[] {
  return request.balanceOn.flatMap((attribute, position) => {
    const values = [...new Set(strata.map((stratum) => stratum.values[position]))].sort();
    return values.map((value) => ({
      attribute,
      value,
      requested: Math.round((request.size / values.length) * 10) / 10,
      achieved: strata.filter((stratum) => stratum.values[position] === value).reduce((sum, stratum) => sum + stratum.allocated, 0),
    }));
  });
}

/** Fisher–Yates driven by mulberry32 seeded from an FNV-1a hash of the seed text. */
export function seededShuffle<T>(items: T[], seed: string): T[] {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
  }
  return shuffled;
}
