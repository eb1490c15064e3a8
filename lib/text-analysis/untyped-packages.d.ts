// Lexicon sentiment packages for Polish and Russian ship no types; only the fields read here are declared.
declare module "sentiment-polish" {
  interface PolishSentimentResult {
    score: number;
    comparative: number;
  }
  function analyze(text: string): PolishSentimentResult;
  export default analyze;
}

declare module "multilang-sentiment" {
  interface MultilangSentimentResult {
    score: number;
    comparative: number;
  }
  function analyze(text: string, language: string): MultilangSentimentResult;
  export default analyze;
}
