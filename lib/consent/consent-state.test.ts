import { describe, expect, it } from "vitest";
import { consentStates, mayTakePart, purposeState, purposesNeedingAnswer, type LatestRecord, type PurposeVersions } from "./consent-state";

const at = new Date("2026-05-01T10:00:00Z");
const versions = (purpose: PurposeVersions["purpose"], latestVersion: number, latestMaterialVersion: number): PurposeVersions => ({ purpose, latestVersion, latestMaterialVersion });
const record = (purpose: LatestRecord["purpose"], version: number, granted: boolean): LatestRecord => ({ purpose, version, granted, decidedAt: at });

describe("purposeState", () => {
  it("is not offered when the program has no text for the purpose, even with an old record", () => {
    expect(purposeState("quotes", undefined, record("quotes", 1, true))).toMatchObject({ status: "not_offered", isGranted: false, latestVersion: null });
  });

  it("needs an answer when never asked", () => {
    expect(purposeState("quotes", versions("quotes", 1, 1), undefined)).toMatchObject({ status: "needs_answer", isGranted: false, answeredVersion: null });
  });

  it("is granted for the latest version, with the version and time answered", () => {
    expect(purposeState("quotes", versions("quotes", 2, 2), record("quotes", 2, true))).toEqual({ purpose: "quotes", status: "granted", isGranted: true, latestVersion: 2, answeredVersion: 2, decidedAt: at });
  });

  it("keeps a grant across a non-material change", () => {
    expect(purposeState("quotes", versions("quotes", 3, 1), record("quotes", 1, true))).toMatchObject({ status: "granted", isGranted: true, latestVersion: 3, answeredVersion: 1 });
  });

  it("asks again after a material change newer than the answer", () => {
    expect(purposeState("quotes", versions("quotes", 3, 2), record("quotes", 1, true))).toMatchObject({ status: "needs_answer", isGranted: false });
    expect(purposeState("quotes", versions("quotes", 3, 2), record("quotes", 1, false))).toMatchObject({ status: "needs_answer", isGranted: false });
  });

  it("counts a grant of exactly the latest material version", () => {
    expect(purposeState("contact", versions("contact", 3, 2), record("contact", 2, true)).isGranted).toBe(true);
  });

  it("is refused when the latest answer is no", () => {
    expect(purposeState("panels", versions("panels", 1, 1), record("panels", 1, false))).toMatchObject({ status: "refused", isGranted: false });
  });
});

describe("consentStates", () => {
  it("answers every purpose, research first, and needs research to take part", () => {
    const states = consentStates([versions("research", 2, 2), versions("quotes", 1, 1)], [record("research", 1, true), record("quotes", 1, true)]);
    expect(states.map((state) => [state.purpose, state.status])).toEqual([
      ["research", "needs_answer"],
      ["quotes", "granted"],
      ["contact", "not_offered"],
      ["panels", "not_offered"],
    ]);
    expect(mayTakePart(states)).toBe(false);
    expect(purposesNeedingAnswer(states)).toEqual(["research"]);
  });

  it("lets a member take part once research is granted for its latest material version", () => {
    expect(mayTakePart(consentStates([versions("research", 2, 1)], [record("research", 1, true)]))).toBe(true);
    expect(mayTakePart(consentStates([versions("research", 1, 1)], [record("research", 1, false)]))).toBe(false);
  });
});
