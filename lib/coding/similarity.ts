import BM25Vectorizer from "wink-nlp/utilities/bm25-vectorizer";
import similarity from "wink-nlp/utilities/similarity";

/*
 * Suggested tags come from passages people already tagged: the item's text is compared with each
 * tagged passage by BM25-weighted bags of words and cosine similarity (wink-nlp's utilities), and
 * a tag scores as its closest passage. Words are split on letters so Polish and Russian work too.
 */

export interface TaggedPassage {
  text: string;
  tagIds: readonly string[];
}

export interface TagScore {
  tagId: string;
  score: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Function words carry no topic; with few tagged passages BM25's idf alone does not silence them.
const STOP_WORDS = new Set(
  (
    "the a an and or but is was were be been are am it its this that these those to of in on at for with as by from so too very i me my we our you your he she they them his her their not no do did does have has had there here then than just all can will would " +
    "i w z na do nie że się to jest był była było są jak ale a o po za od przez dla już tak bardzo mi mnie jestem " +
    "и в во не что он она оно они я мы вы ты на с со как а но то это был была было были за по из у к до от же так очень мне меня"
  ).split(" "),
);

export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Tags whose closest tagged passage is at least `threshold` similar to `text`, best first. */
export function similarTags(text: string, passages: readonly TaggedPassage[], { threshold = 0.2, limit = 3 } = {}): TagScore[] {
  const query = wordsOf(text);
  const documents = passages.map((passage) => wordsOf(passage.text));
  if (query.length === 0 || documents.every((words) => words.length === 0)) return [];
  const bm25 = BM25Vectorizer();
  for (const words of documents) bm25.learn(words);
  const queryBow = bm25.bowOf(query);
  if (Object.keys(queryBow).length === 0) return [];
  const best = new Map<string, number>();
  documents.forEach((words, index) => {
    if (words.length === 0) return;
    const passageBow = bm25.bowOf(words);
    // Two empty bags compare as 1 in wink; an empty one has nothing in common with anything.
    if (Object.keys(passageBow).length === 0) return;
    const score = similarity.bow.cosine(queryBow, passageBow);
    for (const tagId of passages[index].tagIds) best.set(tagId, Math.max(best.get(tagId) ?? 0, score));
  });
  return [...best.entries()]
    .filter(([, score]) => score >= threshold)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tagId, score]) => ({ tagId, score }));
}
