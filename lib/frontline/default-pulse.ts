import type { Definition, LocalizedText } from "@/lib/instruments/definition";

const text = (en: string, pl: string, ru: string): LocalizedText => ({ en, pl, ru });

/**
 * The default monthly frontline pulse: what customers struggled with, what they praised, one idea,
 * urgency. The coded items (FRONTLINE_EMPATHY, FRONTLINE_PAIN_AREA) feed the frontline dashboard.
 */
export const FRONTLINE_PULSE: Definition = {
  title: text("Frontline monthly pulse", "Miesięczny puls pierwszej linii", "Ежемесячный пульс первой линии"),
  defaultLocale: "en",
  requiredLocales: ["en", "pl", "ru"],
  questions: [
    { id: "struggled", type: "text", multiline: true, maxLength: 1000, required: true, prompt: text("What did customers struggle with this month?", "Z czym klienci mieli w tym miesiącu trudności?", "С чем клиенты испытывали трудности в этом месяце?") },
    {
      id: "pain_area", type: "single", code: "FRONTLINE_PAIN_AREA", required: true,
      prompt: text("Where did customers struggle most?", "Gdzie klienci mieli największe trudności?", "В чём клиентам было труднее всего?"),
      choices: [
        { id: "waiting", label: text("Waiting and queues", "Czekanie i kolejki", "Ожидание и очереди") },
        { id: "stock", label: text("Finding products or sizes", "Znalezienie produktów lub rozmiarów", "Поиск товаров или размеров") },
        { id: "returns", label: text("Returns and repairs", "Zwroty i naprawy", "Возвраты и ремонт") },
        { id: "language", label: text("Language and signage", "Język i oznakowanie", "Язык и вывески") },
        { id: "prices", label: text("Prices and promotions", "Ceny i promocje", "Цены и акции") },
        { id: "digital", label: text("App and website", "Aplikacja i strona", "Приложение и сайт") },
        { id: "other", label: text("Something else", "Coś innego", "Другое") },
      ],
    },
    { id: "praised", type: "text", multiline: true, maxLength: 1000, required: false, prompt: text("What did they praise?", "Co chwalili?", "Что они хвалили?") },
    { id: "idea", type: "text", multiline: true, maxLength: 1000, required: false, prompt: text("One idea to serve them better", "Jeden pomysł, jak lepiej im służyć", "Одна идея, как лучше им помочь") },
    {
      id: "empathy", type: "likert", code: "FRONTLINE_EMPATHY", points: 5, required: true,
      prompt: text("This month I had the time and tools to really help customers.", "W tym miesiącu miałem czas i narzędzia, by naprawdę pomagać klientom.", "В этом месяце у меня были время и инструменты, чтобы по-настоящему помогать клиентам."),
      labels: [text("Strongly disagree", "Zdecydowanie się nie zgadzam", "Полностью не согласен"), text("Disagree", "Nie zgadzam się", "Не согласен"), text("Neutral", "Ani tak, ani nie", "Нейтрально"), text("Agree", "Zgadzam się", "Согласен"), text("Strongly agree", "Zdecydowanie się zgadzam", "Полностью согласен")],
    },
    {
      id: "urgency", type: "single", required: true, prompt: text("How urgent is what you heard?", "Jak pilne jest to, co usłyszałeś?", "Насколько срочно то, что вы услышали?"),
      choices: [{ id: "low", label: text("Can wait", "Może poczekać", "Может подождать") }, { id: "soon", label: text("This month", "W tym miesiącu", "В этом месяце") }, { id: "now", label: text("Act now", "Działać natychmiast", "Действовать немедленно") }],
    },
  ],
};

/** Choice ids of the pain-area question, in the order they are offered. */
export const FRONTLINE_PAIN_AREAS = ["waiting", "stock", "returns", "language", "prices", "digital", "other"] as const;
