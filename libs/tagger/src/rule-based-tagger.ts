import type { Gazetteer } from './gazetteer/gazetteer';
import { UNDETERMINED_LANGUAGE, type LanguageDetector } from './language-detector';
import { DocumentResolver } from './rules/document-resolver';
import { NameSegmenter, type NameSegment } from './rules/name-segmenter';
import { SegmentClassifier, type ClassifiedSegment } from './rules/segment-classifier';
import type { TagResult, Tagger } from './tagger.types';
import { tokenize } from './tokenizer';

/** Languages the capitalisation rules are written for; `und` is mostly short English headlines. */
const RULE_LANGUAGES = new Set(['en', UNDETERMINED_LANGUAGE]);

/**
 * First-generation tagger: capitalisation, titles, word lists and a curated gazetteer, resolved
 * per document. For other languages it reports only gazetteer names, because English cues
 * (capitalised nouns in German, for one) would mostly mislead.
 */
export class RuleBasedTagger implements Tagger {
  private readonly segmenter: NameSegmenter;
  private readonly classifier: SegmentClassifier;
  private readonly resolver: DocumentResolver;

  constructor(
    private readonly languageDetector: LanguageDetector,
    gazetteer: Gazetteer,
  ) {
    this.segmenter = new NameSegmenter(gazetteer);
    this.classifier = new SegmentClassifier(gazetteer);
    this.resolver = new DocumentResolver(gazetteer);
  }

  tag(text: string): TagResult {
    const language = this.languageDetector.detect(text);
    const tokens = tokenize(text);
    const segments = this.segmenter.segment(tokens);
    if (!RULE_LANGUAGES.has(language)) {
      return { language, entities: this.resolver.resolve(text, [], segments) };
    }

    const lowerCaseWords = new Set<string>();
    for (const token of tokens)
      if (token.kind === 'word' && !token.capitalised) lowerCaseWords.add(token.text);

    const classified: ClassifiedSegment[] = [];
    const unconfirmed: NameSegment[] = [];
    for (const segment of segments) {
      if (segment.inHeadline) {
        unconfirmed.push(segment);
        continue;
      }
      const result = this.classifier.classify(segment, text, lowerCaseWords);
      if (result === 'unconfirmed') unconfirmed.push(segment);
      else if (result !== undefined) classified.push(result);
    }
    return { language, entities: this.resolver.resolve(text, classified, unconfirmed) };
  }
}
