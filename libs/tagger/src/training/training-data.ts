import { documentContext, type DocumentContext } from '../model/features';
import { LABELS } from '../model/sequence-model';
import type { ConllDocument, ConllSentence } from './conll';
import type { TrainingSentence } from './perceptron-trainer';

/** Files that hold passages without document markers are split into one document per sentence. */
const MAX_UNMARKED_DOCUMENT_SENTENCES = 50;

/**
 * The units whose words form a document context. A file with a single huge "document" (CrossNER
 * has no document markers) is unrelated passages, so each sentence stands alone.
 */
export function contextUnits(documents: readonly ConllDocument[]): ConllDocument[] {
  if (documents.length === 1 && documents[0].length > MAX_UNMARKED_DOCUMENT_SENTENCES)
    return documents[0].map((sentence) => [sentence]);
  return [...documents];
}

export function tagsToLabels(tags: readonly string[]): Uint8Array {
  const labels = new Uint8Array(tags.length);
  tags.forEach((tag, index) => {
    const label = LABELS.indexOf(tag);
    labels[index] = label < 0 ? 0 : label;
  });
  return labels;
}

export interface AugmentOptions {
  /** Share of sentences that also appear upper-cased, like wire headlines. */
  upperCaseShare: number;
  /** Share of sentences that also appear in headline title case. */
  titleCaseShare: number;
  random: () => number;
}

const MINOR_WORDS = new Set('a an the and or but of to in on at for by with as from vs via'.split(' '));

export function titleCase(words: readonly string[]): string[] {
  return words.map((word, index) =>
    index > 0 && MINOR_WORDS.has(word.toLowerCase()) ? word : word.charAt(0).toUpperCase() + word.slice(1),
  );
}

/** Labelled sentences with their document contexts, plus upper-cased and title-cased copies. */
export function toTrainingSentences(
  documents: readonly ConllDocument[],
  augment: AugmentOptions,
): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const document of contextUnits(documents)) {
    const context: DocumentContext = documentContext(document.map((sentence) => sentence.words));
    for (const sentence of document) {
      const labels = tagsToLabels(sentence.tags);
      const original: TrainingSentence = { words: sentence.words, labels, context };
      out.push(original);
      if (augment.random() < augment.upperCaseShare)
        out.push({ words: sentence.words.map((word) => word.toUpperCase()), labels, context, original });
      else if (augment.random() < augment.titleCaseShare)
        out.push({ words: titleCase(sentence.words), labels, context, original });
    }
  }
  return out;
}

export type { ConllSentence };
