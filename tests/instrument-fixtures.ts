import type { Definition, Question } from "@/lib/instruments/definition";
import { ITEM_BANK } from "@/lib/instruments/item-bank";

const text = (en: string) => ({ en, pl: `${en} (pl)`, ru: `${en} (ru)` });
const agree5 = ["1", "2", "3", "4", "5"].map((n) => text(`Point ${n}`));

/** One question of every type, fully translated: a valid definition to start tests from. */
export function everyTypeDefinition(): Definition {
  const nps = { ...ITEM_BANK.find((item) => item.code === "NPS")!.question, id: "nps" } as Question;
  return {
    title: text("Store visit check-in"),
    defaultLocale: "en",
    requiredLocales: ["en", "pl", "ru"],
    questions: [
      { id: "stim", type: "stimulus", prompt: text("Look at this concept"), required: false, copy: text("Shop late, shop local.") },
      nps,
      { id: "csat", type: "likert", code: "CSAT", points: 5, labels: agree5, prompt: text("How satisfied are you?"), required: true },
      { id: "stars", type: "rating", max: 5, style: "stars", prompt: text("Rate the staff"), required: false },
      { id: "visit", type: "single", prompt: text("Why did you visit?"), required: true, choices: [{ id: "buy", label: text("To buy") }, { id: "return", label: text("To return") }] },
      { id: "why_return", type: "text", multiline: true, maxLength: 200, prompt: text("What went wrong?"), required: true, showIf: { questionId: "visit", operator: "equals", value: "return" } },
      { id: "channels", type: "multiple", allowOther: true, maxSelected: 2, prompt: text("Where did you hear of us?"), required: false, choices: [{ id: "tv", label: text("TV") }, { id: "web", label: text("Web") }, { id: "friend", label: text("A friend") }] },
      { id: "rank", type: "ranking", prompt: text("Rank what matters"), required: false, choices: [{ id: "price", label: text("Price") }, { id: "staff", label: text("Staff") }] },
      { id: "grid", type: "matrix", points: 5, labels: agree5, rows: [{ id: "clean", label: text("Clean") }, { id: "calm", label: text("Calm") }], prompt: text("The store was…"), required: true },
      { id: "more", type: "text", multiline: false, maxLength: 50, prompt: text("Anything else?"), required: false },
    ],
  };
}
