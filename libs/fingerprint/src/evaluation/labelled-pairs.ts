import { normalizedWords } from '../text-features';
import { applyEdits, Article, articleText, EDIT_NAMES, EditName } from './article-edits';
import { SeededRandom } from './seeded-random';

export type PairKind =
  | 'copy, 2 edits'
  | 'copy, 4 edits'
  | 'copy, all 6 edits'
  | 'two edited copies'
  | 'random articles'
  | 'shared title words'
  | 'shared title words, edited'
  | 'closest body words'
  | 'closest body words, edited';

export interface LabelledPair {
  kind: PairKind;
  duplicate: boolean;
  left: string;
  right: string;
}

export interface LabelledSet {
  pairs: LabelledPair[];
  /** Different corpus entries whose texts are themselves near-identical: not used as negatives. */
  excludedNegatives: number;
}

const STOPWORDS = new Set(
  (
    'the a an and or of to in on for at by with from as is are was were be been has have had it its ' +
    'this that these those he she they his her their we our you your not no but after before over ' +
    'into out up down about than then who which what when where how new says said will would can could'
  ).split(' '),
);

const RANDOM_NEGATIVES_PER_ARTICLE = 8;
const HARD_NEGATIVES_PER_ARTICLE = 2;
// Corpus entries above this word-set Jaccard are re-posts of one text, not different stories.
const SAME_TEXT_JACCARD = 0.6;

/** Positives: each article against edited copies of itself. Negatives: pairs of different articles. */
export function buildLabelledPairs(articles: readonly Article[], seed: number): LabelledSet {
  const random = new SeededRandom(seed);
  const pairs: LabelledPair[] = [];
  const texts = articles.map(articleText);

  articles.forEach((article, index) => {
    const original = texts[index] ?? '';
    const medium = articleText(applyEdits(article, pickEdits(4, random), random));
    const heavy = articleText(applyEdits(article, EDIT_NAMES, random));
    pairs.push({
      kind: 'copy, 2 edits',
      duplicate: true,
      left: original,
      right: articleText(applyEdits(article, pickEdits(2, random), random)),
    });
    pairs.push({ kind: 'copy, 4 edits', duplicate: true, left: original, right: medium });
    pairs.push({ kind: 'copy, all 6 edits', duplicate: true, left: original, right: heavy });
    pairs.push({ kind: 'two edited copies', duplicate: true, left: medium, right: heavy });
  });

  const titleWords = articles.map((article) => contentWords(article.title));
  const bodyWords = articles.map((article) => contentWords(article.body));
  const allWords = texts.map((text) => new Set(normalizedWords(text)));
  let excludedNegatives = 0;
  const seen = new Set<string>();
  const addNegative = (left: number, right: number, kind: PairKind, editRight: boolean): void => {
    const key = left < right ? `${left}/${right}` : `${right}/${left}`;
    if (left === right || seen.has(`${key}/${kind}`)) return;
    seen.add(`${key}/${kind}`);
    if (jaccard(allWords[left], allWords[right]) >= SAME_TEXT_JACCARD) {
      excludedNegatives++;
      return;
    }
    const rightArticle = articles[right];
    const rightText = editRight
      ? articleText(applyEdits(rightArticle, pickEdits(3, random), random))
      : (texts[right] ?? '');
    pairs.push({ kind, duplicate: false, left: texts[left] ?? '', right: rightText });
  };

  articles.forEach((_, index) => {
    for (let count = 0; count < RANDOM_NEGATIVES_PER_ARTICLE; count++) {
      addNegative(index, random.integer(0, articles.length - 1), 'random articles', false);
    }
    // Hard negatives: same subject, by shared headline words (≥ 2) and by body vocabulary.
    const byTitle = rankOthers(
      index,
      (other) => overlap(titleWords[index], titleWords[other]),
      articles.length,
    )
      .filter(({ score }) => score >= 2)
      .slice(0, HARD_NEGATIVES_PER_ARTICLE);
    for (const { other } of byTitle) {
      addNegative(index, other, 'shared title words', false);
      addNegative(index, other, 'shared title words, edited', true);
    }
    const byBody = rankOthers(
      index,
      (other) => jaccard(bodyWords[index], bodyWords[other]),
      articles.length,
    ).slice(0, HARD_NEGATIVES_PER_ARTICLE);
    for (const { other } of byBody) {
      addNegative(index, other, 'closest body words', false);
      addNegative(index, other, 'closest body words, edited', true);
    }
  });
  return { pairs, excludedNegatives };
}

function pickEdits(count: number, random: SeededRandom): EditName[] {
  const pool = [...EDIT_NAMES];
  const chosen: EditName[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(random.integer(0, pool.length - 1), 1)[0]);
  }
  // Apply in a fixed order so that, say, a boilerplate line is never itself trimmed away.
  return EDIT_NAMES.filter((name) => chosen.includes(name));
}

function contentWords(text: string): Set<string> {
  return new Set(normalizedWords(text).filter((word) => word.length >= 3 && !STOPWORDS.has(word)));
}

function rankOthers(
  index: number,
  score: (other: number) => number,
  count: number,
): { other: number; score: number }[] {
  const ranked: { other: number; score: number }[] = [];
  for (let other = 0; other < count; other++)
    if (other !== index) ranked.push({ other, score: score(other) });
  return ranked.sort((left, right) => right.score - left.score || left.other - right.other);
}

function overlap(left: Set<string> | undefined, right: Set<string> | undefined): number {
  if (left === undefined || right === undefined) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared;
}

function jaccard(left: Set<string> | undefined, right: Set<string> | undefined): number {
  if (left === undefined || right === undefined) return 0;
  const shared = overlap(left, right);
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}
