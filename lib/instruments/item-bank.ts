import type { LocalizedText, Question } from "./definition";

/** A standard question ready to insert; its code is stable so KPIs work across instruments. */
export interface BankItem {
  code: string;
  family: "loyalty" | "satisfaction" | "effort" | "employee" | "empathy";
  question: QuestionTemplate;
}

/** A question without its id: each insertion gets a fresh id. */
export type QuestionTemplate = Question extends infer Q ? (Q extends unknown ? Omit<Q, "id"> : never) : never;

const AGREE_7: LocalizedText[] = [
  { en: "Strongly disagree", pl: "Zdecydowanie się nie zgadzam", ru: "Полностью не согласен" },
  { en: "Disagree", pl: "Nie zgadzam się", ru: "Не согласен" },
  { en: "Somewhat disagree", pl: "Raczej się nie zgadzam", ru: "Скорее не согласен" },
  { en: "Neither agree nor disagree", pl: "Ani się zgadzam, ani nie zgadzam", ru: "Ни согласен, ни не согласен" },
  { en: "Somewhat agree", pl: "Raczej się zgadzam", ru: "Скорее согласен" },
  { en: "Agree", pl: "Zgadzam się", ru: "Согласен" },
  { en: "Strongly agree", pl: "Zdecydowanie się zgadzam", ru: "Полностью согласен" },
];

const SATISFIED_5: LocalizedText[] = [
  { en: "Very dissatisfied", pl: "Bardzo niezadowolony", ru: "Очень недоволен" },
  { en: "Dissatisfied", pl: "Niezadowolony", ru: "Недоволен" },
  { en: "Neither satisfied nor dissatisfied", pl: "Ani zadowolony, ani niezadowolony", ru: "Ни доволен, ни недоволен" },
  { en: "Satisfied", pl: "Zadowolony", ru: "Доволен" },
  { en: "Very satisfied", pl: "Bardzo zadowolony", ru: "Очень доволен" },
];

const LIKELY = {
  minLabel: { en: "Not at all likely", pl: "Zupełnie nieprawdopodobne", ru: "Совсем маловероятно" },
  maxLabel: { en: "Extremely likely", pl: "Bardzo prawdopodobne", ru: "Крайне вероятно" },
};

function empathyItem(n: number, prompt: LocalizedText): BankItem {
  return { code: `SERVQUAL_EMP_${n}`, family: "empathy", question: { type: "likert", code: `SERVQUAL_EMP_${n}`, required: true, points: 7, labels: AGREE_7, prompt } };
}

export const ITEM_BANK: BankItem[] = [
  {
    code: "NPS",
    family: "loyalty",
    question: {
      type: "scale", code: "NPS", required: true, min: 0, max: 10, ...LIKELY,
      prompt: { en: "How likely are you to recommend us to a friend or colleague?", pl: "Jak bardzo prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?", ru: "Насколько вероятно, что вы порекомендуете нас другу или коллеге?" },
    },
  },
  {
    code: "CSAT",
    family: "satisfaction",
    question: {
      type: "likert", code: "CSAT", required: true, points: 5, labels: SATISFIED_5,
      prompt: { en: "Overall, how satisfied are you with your experience with us?", pl: "Ogólnie rzecz biorąc, jak bardzo jesteś zadowolony ze swoich doświadczeń z nami?", ru: "В целом, насколько вы довольны опытом взаимодействия с нами?" },
    },
  },
  {
    code: "CES",
    family: "effort",
    question: {
      type: "likert", code: "CES", required: true, points: 7, labels: AGREE_7,
      prompt: { en: "The company made it easy for me to handle my issue.", pl: "Firma ułatwiła mi załatwienie mojej sprawy.", ru: "Компания позволила мне легко решить мой вопрос." },
    },
  },
  {
    code: "ENPS",
    family: "employee",
    question: {
      type: "scale", code: "ENPS", required: true, min: 0, max: 10, ...LIKELY,
      prompt: { en: "How likely are you to recommend working here to a friend?", pl: "Jak bardzo prawdopodobne jest, że polecisz pracę tutaj znajomemu?", ru: "Насколько вероятно, что вы порекомендуете работу здесь другу?" },
    },
  },
  empathyItem(1, { en: "This company gives me individual attention.", pl: "Ta firma poświęca mi indywidualną uwagę.", ru: "Эта компания уделяет мне индивидуальное внимание." }),
  empathyItem(2, { en: "This company has operating hours convenient to all its customers.", pl: "Godziny pracy tej firmy są dogodne dla wszystkich klientów.", ru: "У этой компании удобные для всех клиентов часы работы." }),
  empathyItem(3, { en: "This company has employees who give me personal attention.", pl: "Pracownicy tej firmy poświęcają mi osobistą uwagę.", ru: "Сотрудники этой компании уделяют мне личное внимание." }),
  empathyItem(4, { en: "This company has my best interests at heart.", pl: "Tej firmie naprawdę zależy na moim dobru.", ru: "Эта компания искренне заботится о моих интересах." }),
  empathyItem(5, { en: "The employees of this company understand my specific needs.", pl: "Pracownicy tej firmy rozumieją moje szczególne potrzeby.", ru: "Сотрудники этой компании понимают мои особые потребности." }),
];

export function bankItem(code: string): BankItem | undefined {
  return ITEM_BANK.find((item) => item.code === code);
}
