/**
 * Open text that reports being asked for a score ("she asked me to give them a 10"): the gaming
 * the field warns about when a KPI carries an incentive. One pattern, valid in JavaScript and in
 * PostgreSQL's case-insensitive regular expressions (~*), in English, Polish and Russian.
 */
export const SCORE_BEGGING_PATTERN =
  "(give|gave|rate|score|put)( (me|us|them|him|her|it))?( an?)? (10|ten|9|nine|perfect|top|5 stars|five stars)" +
  "|(daj|dajcie|dać|wystaw|wystawić|wystawcie|ocenić|ocenę)( (mi|nam|im|jej|mu))?( na)? (10|dziesięć|dziesiątkę|5 gwiazdek|pięć gwiazdek)" +
  "|(поставь|поставьте|поставить|дай|дайте|оценить|оценку)( (мне|нам|им|ей|ему))?( на)? (10|десять|десятку|5 звёзд|5 звезд|пять звёзд)";

export function isScoreBegging(text: string): boolean {
  return new RegExp(SCORE_BEGGING_PATTERN, "i").test(text);
}
