import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";
import { bankItem } from "@/lib/instruments/item-bank";

const text = (en: string, pl: string, ru: string): LocalizedText => ({ en, pl, ru });
const BANK_CODES = ["NPS", "SERVQUAL_EMP_1", "SERVQUAL_EMP_4", "SERVQUAL_EMP_5"] as const;

/**
 * The survey a council answers each session when the researcher picks none: loyalty (NPS), the
 * SERVQUAL empathy items that speak to being understood, and one open question for the truth behind the data.
 */
export function defaultCouncilSurvey(councilName: string): Definition {
  const banked = BANK_CODES.map((code, index) => {
    const item = bankItem(code);
    if (!item) throw new Error(`item bank has no ${code}`);
    return { ...item.question, id: `q${index + 1}` } as Question;
  });
  return {
    title: text(`${councilName}: session survey`, `${councilName}: ankieta sesji`, `${councilName}: опрос сессии`),
    defaultLocale: "en",
    requiredLocales: ["en", "pl", "ru"],
    questions: [
      ...banked,
      {
        id: "truth", type: "text", multiline: true, maxLength: 2000, required: false,
        prompt: text("What should we understand better about customers like you?", "Co powinniśmy lepiej zrozumieć o klientach takich jak Ty?", "Что нам стоит лучше понять о таких клиентах, как вы?"),
      },
    ],
  };
}
