import { describe, expect, it } from "vitest";
import { isScoreBegging } from "./score-begging";

describe("score-begging", () => {
  it("finds requests for a top score in three languages", () => {
    expect(isScoreBegging("The cashier asked me to give them a 10 on the survey.")).toBe(true);
    expect(isScoreBegging("Please rate us 10!")).toBe(true);
    expect(isScoreBegging("Sprzedawca prosił, żeby wystawić mu 10 w ankiecie.")).toBe(true);
    expect(isScoreBegging("Консультант попросил поставить им десятку.")).toBe(true);
  });

  it("leaves ordinary comments alone", () => {
    expect(isScoreBegging("Staff listened and did not rush me.")).toBe(false);
    expect(isScoreBegging("I waited 10 minutes at the till.")).toBe(false);
    expect(isScoreBegging("Obsługa wysłuchała mnie bez pośpiechu.")).toBe(false);
    expect(isScoreBegging("Мне не хватило внимания, консультант торопился.")).toBe(false);
  });
});
