import { describe, expect, it } from "vitest";
import { analyzeText, detectLanguage } from "./analyze-text";

describe("detectLanguage", () => {
  it("tells English, Polish and Russian apart", () => {
    expect(detectLanguage("The checkout queue was painfully slow and the staff seemed stressed.")).toBe("en");
    expect(detectLanguage("Obsługa była bardzo miła, ale kolejka do kasy była okropnie długa.")).toBe("pl");
    expect(detectLanguage("Очень плохое обслуживание, долго ждал курьера.")).toBe("ru");
  });

  it("does not guess on a few letters", () => {
    expect(detectLanguage("ok!")).toBeNull();
  });
});

describe("analyzeText", () => {
  it("reads English sentiment and key phrases", () => {
    const praise = analyzeText("I love the new winter jackets, great customer service!");
    expect(praise.sentiment?.label).toBe("positive");
    expect(praise.keyPhrases).toContain("great customer service");
    expect(analyzeText("The checkout queue was painfully slow and the staff seemed stressed.").sentiment?.label).toBe("negative");
  });

  it("reads Polish and Russian sentiment from their lexicons", () => {
    expect(analyzeText("Fatalna obsługa, jestem bardzo rozczarowany i zły.").sentiment?.label).toBe("negative");
    expect(analyzeText("Super, świetna obsługa, polecam każdemu!").sentiment?.label).toBe("positive");
    expect(analyzeText("Всё было ужасно, курьер опоздал, плохо и грустно.").sentiment?.label).toBe("negative");
    expect(analyzeText("Отлично, хорошо и быстро, спасибо!").sentiment?.label).toBe("positive");
  });

  it("offers no sentiment for a language without a model", () => {
    const german = analyzeText("Die Bedienung war ausgezeichnet und sehr freundlich, danke schön.");
    expect(german.language).toBe("de");
    expect(german.sentiment).toBeNull();
  });
});
