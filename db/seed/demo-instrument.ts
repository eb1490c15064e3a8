import type { Definition, LocalizedText } from "@/lib/instruments/definition";

export const DEMO_INSTRUMENT_NAME = "Store visit check-in";

const text = (en: string, pl: string, ru: string): LocalizedText => ({ en, pl, ru });
const agreement = [
  text("Strongly disagree", "Zdecydowanie się nie zgadzam", "Совершенно не согласен"),
  text("Disagree", "Nie zgadzam się", "Не согласен"),
  text("Neither agree nor disagree", "Ani się zgadzam, ani nie zgadzam", "Ни да, ни нет"),
  text("Agree", "Zgadzam się", "Согласен"),
  text("Strongly agree", "Zdecydowanie się zgadzam", "Полностью согласен"),
];

/** A short customer check-in with one question of every type, in English, Polish and Russian. */
export const DEMO_INSTRUMENT: Definition = {
  title: text("Store visit check-in", "Ankieta po wizycie w sklepie", "Опрос после посещения магазина"),
  intro: text("Two minutes about your last visit to a Northwind store.", "Dwie minuty o Twojej ostatniej wizycie w sklepie Northwind.", "Две минуты о вашем последнем визите в магазин Northwind."),
  defaultLocale: "en",
  requiredLocales: ["en", "pl", "ru"],
  questions: [
    {
      id: "welcome",
      type: "stimulus",
      required: false,
      prompt: text("Thank you for visiting us", "Dziękujemy za wizytę", "Спасибо за визит"),
      copy: text("Think of your most recent visit to one of our stores.", "Pomyśl o swojej ostatniej wizycie w jednym z naszych sklepów.", "Вспомните ваш последний визит в один из наших магазинов."),
    },
    { id: "csat", code: "CSAT", type: "rating", max: 5, style: "stars", required: true, prompt: text("How satisfied were you with your visit?", "Jak bardzo jesteś zadowolony z wizyty?", "Насколько вы довольны визитом?") },
    {
      id: "nps",
      code: "NPS",
      type: "scale",
      min: 0,
      max: 10,
      required: true,
      prompt: text("How likely are you to recommend Northwind to a friend?", "Jak bardzo prawdopodobne jest, że polecisz Northwind znajomym?", "Насколько вероятно, что вы порекомендуете Northwind друзьям?"),
      minLabel: text("Not at all likely", "Zupełnie nieprawdopodobne", "Совсем маловероятно"),
      maxLabel: text("Extremely likely", "Bardzo prawdopodobne", "Очень вероятно"),
    },
    { id: "attention", code: "SERVQUAL_EMP_1", type: "likert", points: 5, labels: agreement, required: true, prompt: text("Staff gave me individual attention.", "Personel poświęcił mi indywidualną uwagę.", "Сотрудники уделили мне индивидуальное внимание.") },
    {
      id: "reason",
      type: "single",
      required: true,
      prompt: text("What was the main reason for your visit?", "Jaki był główny powód wizyty?", "Какова главная причина визита?"),
      choices: [
        { id: "buy", label: text("To buy something specific", "Zakup konkretnej rzeczy", "Купить что-то конкретное") },
        { id: "browse", label: text("To look around", "Rozejrzenie się", "Просто посмотреть") },
        { id: "return", label: text("To return or exchange", "Zwrot lub wymiana", "Возврат или обмен") },
        { id: "repair", label: text("For a repair", "Naprawa", "Ремонт") },
      ],
    },
    {
      id: "departments",
      type: "multiple",
      required: false,
      allowOther: true,
      maxSelected: 3,
      prompt: text("Which departments did you visit?", "Które działy odwiedziłeś?", "Какие отделы вы посетили?"),
      choices: [
        { id: "footwear", label: text("Footwear", "Obuwie", "Обувь") },
        { id: "camping", label: text("Camping", "Kemping", "Кемпинг") },
        { id: "clothing", label: text("Clothing", "Odzież", "Одежда") },
        { id: "bikes", label: text("Bikes", "Rowery", "Велосипеды") },
      ],
    },
    {
      id: "priorities",
      type: "ranking",
      required: false,
      prompt: text("Rank what matters most to you in a store.", "Uszereguj, co jest dla Ciebie najważniejsze w sklepie.", "Расставьте, что для вас важнее всего в магазине."),
      choices: [
        { id: "advice", label: text("Expert advice", "Fachowa porada", "Экспертный совет") },
        { id: "price", label: text("Price", "Cena", "Цена") },
        { id: "speed", label: text("Quick checkout", "Szybka kasa", "Быстрая оплата") },
        { id: "stock", label: text("Products in stock", "Dostępność produktów", "Наличие товаров") },
      ],
    },
    {
      id: "store",
      type: "matrix",
      points: 5,
      labels: agreement,
      required: false,
      prompt: text("How much do you agree with these statements about the store?", "Na ile zgadzasz się z tymi zdaniami o sklepie?", "Насколько вы согласны с этими утверждениями о магазине?"),
      rows: [
        { id: "clean", label: text("The store was clean.", "Sklep był czysty.", "В магазине было чисто.") },
        { id: "findable", label: text("I found what I needed easily.", "Łatwo znalazłem to, czego potrzebowałem.", "Я легко нашёл то, что нужно.") },
        { id: "checkout", label: text("Paying was quick.", "Płatność poszła szybko.", "Оплата прошла быстро.") },
      ],
    },
    {
      id: "comment",
      type: "text",
      multiline: true,
      maxLength: 500,
      required: false,
      prompt: text("Anything else you would like to tell us?", "Czy chcesz nam jeszcze coś przekazać?", "Хотите ещё что-нибудь нам сказать?"),
    },
  ],
};
