import { describe, expect, it } from "vitest";
import { similarTags, wordsOf } from "./similarity";

const passages = [
  { text: "The checkout queue was painfully slow", tagIds: ["waiting"] },
  { text: "Kolejka do kasy była okropnie długa", tagIds: ["waiting"] },
  { text: "Great customer service, friendly staff", tagIds: ["service"] },
  { text: "Очень долго ждал курьера", tagIds: ["delivery"] },
];

describe("similarTags", () => {
  it("splits words in any script", () => {
    expect(wordsOf("Долго, ждал курьера!")).toEqual(["долго", "ждал", "курьера"]);
    expect(wordsOf("Obsługa była miła")).toEqual(["obsługa", "miła"]);
  });

  it("suggests the tag of the closest passage, in English, Polish and Russian", () => {
    expect(similarTags("The queue at checkout was so slow today", passages)[0]).toMatchObject({ tagId: "waiting" });
    expect(similarTags("Znowu długa kolejka do kasy", passages)[0]).toMatchObject({ tagId: "waiting" });
    expect(similarTags("Курьера ждал очень долго", passages)[0]).toMatchObject({ tagId: "delivery" });
  });

  it("suggests nothing below the threshold, for empty text or with no tagged passages", () => {
    expect(similarTags("Parking was free", passages)).toEqual([]);
    expect(similarTags("", passages)).toEqual([]);
    expect(similarTags("The checkout queue", [])).toEqual([]);
  });

  it("scores a tag by its closest passage and keeps at most `limit` tags", () => {
    const scores = similarTags("slow checkout queue, friendly staff", passages, { threshold: 0.01, limit: 1 });
    expect(scores).toHaveLength(1);
    expect(scores[0].score).toBeGreaterThan(0);
    expect(scores[0].score).toBeLessThanOrEqual(1);
  });
});
