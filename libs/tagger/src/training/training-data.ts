import { documentContext, type DocumentContext } from '../model/features';
import { countSeenEntity, SeenEntities, type TypeCounts } from '../model/seen-entities';
import { labelsFromTags, spansFromLabels } from '../model/sequence-model';
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
  return labelsFromTags(tags);
}

export interface AugmentOptions {
  /** Share of sentences that also appear upper-cased, like wire headlines. */
  upperCaseShare: number;
  /** Share of sentences that also appear in headline title case. */
  titleCaseShare: number;
  random: () => number;
  /** Record each document's own names so the seen-entity features leave them out (training). */
  leaveOwnNamesOut?: boolean;
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
    const ownEntities = new Map<string, TypeCounts>();
    for (const sentence of document)
      for (const [start, end, type] of spansOfTags(sentence.tags))
        countSeenEntity(ownEntities, sentence.words.slice(start, end), type);
    const context: DocumentContext = {
      ...documentContext(document.map((sentence) => sentence.words)),
      ...(augment.leaveOwnNamesOut === true ? { ownEntities } : {}),
    };
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

/** Gold spans of a sentence as [first token, after last token, type index]. */
export function spansOfTags(tags: readonly string[]): [number, number, number][] {
  return spansFromLabels(tagsToLabels(tags)).map((span) => [span.start, span.end, span.type]);
}

/** Every labelled name of the documents with its type counts (the shipped seen-entity list). */
export function seenEntitiesOf(documents: readonly ConllDocument[]): SeenEntities {
  const table = new Map<string, TypeCounts>();
  for (const document of documents)
    for (const sentence of document)
      for (const [start, end, type] of spansOfTags(sentence.tags))
        countSeenEntity(table, sentence.words.slice(start, end), type);
  return new SeenEntities(table);
}
