import { COUNTRIES } from './gazetteer/countries.gazetteer';
import type { Gazetteer, GazetteerHit } from './gazetteer/gazetteer';
import {
  CALENDAR_WORDS,
  FIRST_NAMES,
  isDemonym,
  LOCATION_SUFFIXES,
  NON_NAME_WORDS,
  ORGANIZATION_HEADS,
  ORGANIZATION_SUFFIXES,
  PARTY_WORDS,
  PERSON_VERBS,
  TITLES,
  TITLE_SURNAMES,
  words,
} from './lexicon/english-cues.lexicon';
import { UNDETERMINED_LANGUAGE, type LanguageDetector } from './language-detector';
import {
  documentContext,
  documentLabelMasks,
  FeatureBuffer,
  type DocumentContext,
  type FeatureExtractor,
} from './model/features';
import type { ModelHeader } from './model/model-file';
import { ENTITY_TYPES, spansFromLabels, type LabelledSpan, type SequenceModel } from './model/sequence-model';
import { phraseTokens, splitSentences, type ModelToken } from './model/text-sentences';
import { RuleBasedTagger } from './rule-based-tagger';
import { datelinePlaceLength } from './rules/dateline';
import { DocumentResolver } from './rules/document-resolver';
import { classifyLines, type NameSegment } from './rules/name-segmenter';
import type { ClassifiedSegment } from './rules/segment-classifier';
import { describedType, typeBySpeech } from './rules/descriptions';
import { cuesTeam, isScore, namesTeam, sportsContext, type SportsContext } from './rules/sports-context';
import type { EntityType, TagResult, Tagger } from './tagger.types';

/** Languages the model was trained for; `und` is mostly short English headlines. */
const MODEL_LANGUAGES = new Set(['en', UNDETERMINED_LANGUAGE]);
const POSSESSIVE_TOKEN = /^['’]s$/;
/** A nationality adjective the model left out is still MISC, as in CoNLL ("French officials"). */
const DEMONYM_CONFIDENCE = 0.75;
const GAZETTEER_CONFIDENCE = 0.95;
/** Below this, a model span in a title-case headline needs confirmation from the body. */
const HEADLINE_MIN_CONFIDENCE = 0.8;
/** Longer spans in a title-case headline are usually several names and words run together. */
const HEADLINE_MAX_WORDS = 4;

/** Title phrases as token texts, longest first, indexed by their first token. */
const TITLE_PHRASES = new Map<string, string[][]>();
for (const title of TITLES) {
  const parts = phraseTokens(title);
  const list = TITLE_PHRASES.get(parts[0]) ?? [];
  list.push(parts);
  TITLE_PHRASES.set(
    parts[0],
    list.sort((a, b) => b.length - a.length),
  );
}
/** Lower-case words that may stand inside a name ("Bank of England", "Ursula von der Leyen"). */
const CONNECTORS = new Set(
  'of the and for de du des da das do dos di del della der den van von ter ten la le y zu bin ibn al el on in at upon to'.split(
    ' ',
  ),
);
/** Below this, a one-word span the document also writes in lower case is dropped. */
const EMPHASIS_MAX_CONFIDENCE = 0.75;
/** Below this, a one-word span opening a sentence needs the document to confirm it. */
const SENTENCE_START_MIN_CONFIDENCE = 0.6;
/** Words that make a capitalised phrase a clause, not a title ("Country of my Second Term"). */
const POSSESSIVE_WORDS = new Set('my our your his her their its this that these those we you'.split(' '));
/** A name right after a title is a person (as sure as the old title rule was). */
const TITLE_CONFIDENCE = 0.9;
/** Longer all-caps words in mixed-case text are emphasis, not acronyms. */
const MAX_ACRONYM_LETTERS = 6;
const ORGANIZATION_TYPE = ENTITY_TYPES.indexOf('ORGANIZATION');
/** "D-Mass", "R-Texas", "I-Vt", "D-N.Y": party and state after a US lawmaker's name. */
const PARTY_AND_STATE = /^[DRI]-[A-Z][A-Za-z.]{0,12}$/;
/** A name the model left out of a results line ("Chelsea" in "Arsenal 2 Chelsea 1"). */
const RESULTS_LINE_CONFIDENCE = 0.7;
/** A dateline's place the model left out ("BONN 1996-08-30"). */
const DATELINE_CONFIDENCE = 0.8;
const COUNTRY_NAMES = new Set(COUNTRIES.map((entry) => entry.name));

/** A national side keeps its country's type in sports news (CoNLL-2003). */
function isCountry(hit: GazetteerHit | undefined): boolean {
  return hit !== undefined && (COUNTRY_NAMES.has(hit.name) || HOME_NATIONS.has(hit.name));
}
/** Nations that field their own sides ("England captain Joe Root"), though not sovereign states. */
const HOME_NATIONS = new Set(['England', 'Scotland', 'Wales', 'Northern Ireland']);

/** The holder named in a copyright line is an organisation. */
const COPYRIGHT_CONFIDENCE = 0.8;
/** A name only a description found ("Boultham is a village"). */
const DESCRIBED_CONFIDENCE = 0.7;

/**
 * The production tagger: the trained sequence model finds and types the mentions; the rule layer
 * around it strips titles, joins a later "Trump" to an earlier "Donald Trump", gives each entity
 * one type and id per document (curated QIDs first), and recovers later repeats of names the model
 * found once. Non-English text goes to the rule-based tagger, which then reports gazetteer names
 * only.
 */
export class ModelTagger implements Tagger {
  private readonly resolver: DocumentResolver;
  private readonly fallback: RuleBasedTagger;
  private readonly buffer = new FeatureBuffer();
  private labels = new Uint8Array(256);
  private margins = new Float32Array(256);

  constructor(
    private readonly languageDetector: LanguageDetector,
    private readonly gazetteer: Gazetteer,
    private readonly model: SequenceModel,
    private readonly extractor: FeatureExtractor,
    private readonly confidence: ModelHeader['confidence'],
    /** Re-labels each sentence knowing how the first pass labelled the same words elsewhere. */
    private readonly secondPass?: SequenceModel,
  ) {
    this.resolver = new DocumentResolver(gazetteer);
    this.fallback = new RuleBasedTagger(languageDetector, gazetteer);
  }

  tag(text: string): TagResult {
    const language = this.languageDetector.detect(text);
    if (!MODEL_LANGUAGES.has(language)) return { language, entities: this.fallback.tag(text).entities };
    const { classified, unconfirmed } = this.findMentions(text);
    return { language, entities: this.resolver.resolve(text, classified, unconfirmed) };
  }

  /** Model spans as classified segments, and the capitalised runs it left out. */
  findMentions(text: string): { classified: ClassifiedSegment[]; unconfirmed: NameSegment[] } {
    const sentences = splitSentences(text);
    const context = documentContext(sentences.map((sentence) => sentence.map((token) => token.text)));
    const classified: ClassifiedSegment[] = [];
    const unconfirmed: NameSegment[] = [];
    const lines = classifyLines(sentences.flat());
    const words = sentences.map((sentence) => sentence.map((token) => token.text));
    const documentLabels = this.secondPass !== undefined ? this.firstPass(words, context) : undefined;
    for (let s = 0; s < sentences.length; s += 1) {
      const sentence = sentences[s];
      const n = sentence.length;
      // In a title-case headline every word is capitalised, so the model's less certain spans
      // there are only kept where they repeat a name the body or the gazetteer knows.
      const inHeadline = lines[sentence[0].line] === 'headline';
      // An all-caps line ("FLOODS FORCE THOUSANDS FROM HOMES") hides the capitals the model relies
      // on: only sure or gazetteer-backed spans stand; the rest must repeat a known name.
      const allCaps = sentence.length > 1 && sentence.every((token) => !LOWER_LETTER.test(token.text));
      if (this.labels.length < n) {
        this.labels = new Uint8Array(n * 2);
        this.margins = new Float32Array(n * 2);
      }
      this.extractor.extract(words[s], context, this.buffer, documentLabels?.[s]);
      (this.secondPass ?? this.model).decode(this.buffer, n, this.labels, this.margins);
      const covered = new Uint8Array(n);
      const titles = markTitles(sentence);
      const sports = sportsContext(sentence);
      const datelineEnd = datelinePlaceLength(text, sentence);
      for (const span of joinOrganizationNames(sentence, spansFromLabels(this.labels, n))) {
        let type = ENTITY_TYPES[span.type];
        const refined = refineSpan(sentence, span.start, span.end, titles, type === 'MISC');
        if (refined === undefined) continue;
        let { start, end } = refined;
        // "Bowling Green 24-17": a score is never part of a name.
        while (end > start && isScore(sentence[end - 1].text)) end -= 1;
        // "Mushtaq Ahmed 44" in a scoreboard: a person's name does not end in a number.
        if (type === 'PERSON') while (end > start + 1 && /^\d+$/.test(sentence[end - 1].text)) end -= 1;
        if (start >= end) continue;
        if (inHeadline) {
          // "Kazakhstan to Join Abraham Accords": a headline capitalises words the body writes
          // in lower case ("join"); they are not part of the name.
          const common = (token: ModelToken): boolean => context.lowerCaseWords.has(token.text.toLowerCase());
          while (start < end && common(sentence[start])) start += 1;
          while (end > start && common(sentence[end - 1])) end -= 1;
          if (start >= end) continue;
        }
        if (allCaps) {
          // "OKAFOR WINS RUNOFF": when the body spells some word of the span with a capital, the
          // edge words it never capitalises ("WINS") are headline words, not part of the name.
          const known = (token: ModelToken): boolean =>
            context.capitalisedWords.has(token.text.toLowerCase());
          if (sentence.slice(start, end).some(known)) {
            while (!known(sentence[start])) start += 1;
            while (!known(sentence[end - 1])) end -= 1;
          }
        }
        // '"I believe I am a modern day feminist"': a MISC that opens a quotation, runs into lower-case
        // words and stops before the quotation does is the start of what someone said, not a title.
        if (type === 'MISC' && opensQuotation(text, sentence, start, end)) continue;
        // "Sen. Elizabeth Warren, D-Mass.": a US lawmaker's party and state, not a name.
        if (end - start === 1 && PARTY_AND_STATE.test(sentence[start].text)) continue;
        // A photo credit's name, even where the model kept only part of it ("Strand").
        const creditStart = creditNameStart(text, sentence, start, end);
        const credited =
          creditStart >= 0 &&
          this.lookup(text.slice(sentence[creditStart].start, sentence[end - 1].end)) === undefined;
        if (credited) start = creditStart;
        let margin = Infinity;
        for (let i = start; i < end; i += 1) margin = Math.min(margin, this.margins[i]);
        // "Real Madrid" where the model kept "Madrid": a curated name around the span is the name.
        [start, end] = this.widenToGazetteer(text, sentence, start, end);
        // The model's "Islamic" and "Jihad" both widen to "Islamic Jihad": one mention.
        if (covered[start] === 1) continue;
        // "Abigail Disney", "Mr. Disney": a company named after a family is the person after a
        // first name or a title.
        const familyName =
          end - start === 1 && start > 0 && this.namesPersonOfFamily(sentence, start, titles);
        if (familyName && titles[start - 1] === 0 && covered[start - 1] === 0) start -= 1;
        let confidence = 1 / (1 + Math.exp(-(this.confidence.a * margin + this.confidence.b)));
        const surface = text.slice(sentence[start].start, sentence[end - 1].end);
        const wordCount = countWords(sentence, start, end);
        if (inHeadline && (confidence < HEADLINE_MIN_CONFIDENCE || wordCount > HEADLINE_MAX_WORDS)) continue;
        const hit = this.lookup(surface);
        if (allCaps && hit === undefined && confidence < HEADLINE_MIN_CONFIDENCE) continue;
        // "Port Strike Enters Second Week": a headline's capitalised common words read like the name
        // of an event. A headline MISC stands only where the body repeats it or the gazetteer
        // knows it ("Kazakhstan to Join Abraham Accords" and the body's "Abraham Accords").
        if (
          inHeadline &&
          type === 'MISC' &&
          hit === undefined &&
          !afterCopyright(sentence, start) &&
          text.indexOf(surface, sentence[n - 1].end) < 0
        )
          continue;
        if (hit === undefined && wordCount === 1) {
          // A lone capital whose lower-case form the document also uses ("the World", "Nations"
          // in a quote) is emphasis, unless the model is sure; sentence openers and dates are
          // not names; a nationality adjective left by title trimming ("Saudi") is MISC.
          if (
            surface.length < 2 ||
            NON_NAME_WORDS.has(surface) ||
            CALENDAR_WORDS.has(surface) ||
            (confidence < EMPHASIS_MAX_CONFIDENCE && context.lowerCaseWords.has(surface.toLowerCase())) ||
            // A sentence's first word is capitalised anyway: unsure and never capitalised
            // mid-sentence in the document, it is left to the resolver to confirm.
            (start === 0 &&
              confidence < SENTENCE_START_MIN_CONFIDENCE &&
              !context.capitalisedWords.has(surface.toLowerCase()) &&
              !namesTeam(sentence, start, end, sports))
          )
            continue;
          // "STRENGTH" in a quote is emphasis: acronyms are short (as in the rule tagger).
          const token = sentence[start];
          if (token.allCaps && token.text.length > MAX_ACRONYM_LETTERS && !allCaps) continue;
          if (isDemonym(surface)) type = 'MISC';
        }
        const partyName = wordCount > 1 && hasPartyWord(sentence, start, end);
        // "The Dunmore Daily Courier" is a newspaper, even where the model read its town.
        const newspaper = wordCount > 1 && NEWSPAPER_NAME_ENDS.has(sentence[end - 1].text);
        if (
          type !== 'ORGANIZATION' &&
          (partyName ||
            newspaper ||
            (type !== 'LOCATION' &&
              ((wordCount > 1 && ORGANIZATION_SUFFIXES.has(sentence[end - 1].text)) ||
                headsOrganization(sentence, start, end) ||
                afterCopyright(sentence, start))))
        ) {
          // "Hartwell Dynamics", "Norvik Holdings": the last word names a kind of organisation;
          // "Centre for Global Disease Analysis": an organisation word before "for" or "of" does;
          // "Partai Nasional Indonesia": a party word anywhere does, even in a place's name;
          // "©2025 Harbourside Herald": a copyright holder is one.
          type = 'ORGANIZATION';
          if (afterCopyright(sentence, start)) confidence = Math.max(confidence, COPYRIGHT_CONFIDENCE);
        } else if (credited) {
          // "(Mikael Strand/Reuters)": the name before the agency in a photo credit is the photographer.
          type = 'PERSON';
        } else if (refined.afterTitle && type !== 'PERSON') {
          // "Vice President JD Vance": whatever the model thought, a title introduces a person.
          type = 'PERSON';
          confidence = Math.max(confidence, TITLE_CONFIDENCE);
        }
        let gazetteerHit = hit;
        if (familyName) {
          type = 'PERSON';
          gazetteerHit = undefined;
        }
        // "BONN 1996-08-30", "KYIV, Ukraine —": a dateline opens with the place of filing.
        if (start === 0 && end === datelineEnd && (hit === undefined || hit.type === 'LOCATION'))
          type = 'LOCATION';
        const team =
          (type === 'LOCATION' || type === 'MISC') &&
          !isCountry(hit) &&
          !isDemonym(surface) &&
          (((type === 'LOCATION' || sports !== undefined) && namesTeam(sentence, start, end, sports)) ||
            cuesTeam(sentence, start, end));
        if (team) {
          // "Leeds 3 Southampton 2", "Bowling Green beat Toledo 24-17", "played with Footscray": a
          // club named after its city, or by a nickname.
          type = 'ORGANIZATION';
          if (gazetteerHit?.type !== 'ORGANIZATION') gazetteerHit = undefined;
        }
        for (let i = Math.min(start, span.start); i < Math.max(end, span.end); i += 1) covered[i] = 1;
        // A club's name stands for the club throughout the document; so does a described name.
        const described = team ? 'ORGANIZATION' : describedType(sentence, start, end);
        classified.push({
          segment: segment(sentence, start, end, refined.afterTitle),
          surface,
          type,
          // The model and the curated gazetteer agreeing is the strongest evidence there is.
          confidence:
            gazetteerHit?.type === type ? GAZETTEER_CONFIDENCE : Math.min(0.99, Math.max(0.05, confidence)),
          ...(gazetteerHit !== undefined ? { gazetteer: gazetteerHit } : {}),
          wordCount,
          ...(described !== undefined ? { described } : {}),
        });
      }
      // Capitalised runs the model left unlabelled: the resolver looks in them for names this
      // document or the gazetteer already knows (a later "Tokayev", a dateline "Reuters").
      let runStart = -1;
      for (let i = 0; i <= n; i += 1) {
        if (i < n && covered[i] === 0 && !inHeadline && isDemonym(sentence[i].text)) {
          covered[i] = 1;
          classified.push({
            segment: segment(sentence, i, i + 1, false),
            surface: sentence[i].text,
            type: 'MISC',
            confidence: DEMONYM_CONFIDENCE,
            wordCount: 1,
          });
        }
        const inRun =
          i < n &&
          covered[i] === 0 &&
          titles[i] === 0 &&
          sentence[i].kind === 'word' &&
          sentence[i].capitalised;
        if (inRun && runStart < 0) runStart = i;
        if (!inRun && runStart >= 0) {
          const found =
            (sports !== undefined ? this.teamInRun(text, sentence, runStart, i, sports) : undefined) ??
            (runStart === 0 && i === datelineEnd
              ? this.datelinePlace(text, sentence, datelineEnd)
              : undefined) ??
            this.describedRun(text, sentence, runStart, i, inHeadline);
          if (found !== undefined) classified.push(found);
          else unconfirmed.push(segment(sentence, runStart, i, false));
          runStart = -1;
        }
      }
    }
    return { classified, unconfirmed };
  }

  /** First-pass labels of every sentence → what the same words were labelled elsewhere. */
  private firstPass(words: readonly string[][], context: DocumentContext): Int32Array[] {
    const labels = words.map((sentenceWords) => {
      const out = new Uint8Array(sentenceWords.length);
      this.extractor.extract(sentenceWords, context, this.buffer);
      this.model.decode(this.buffer, sentenceWords.length, out);
      return out;
    });
    return documentLabelMasks(words, labels);
  }

  /**
   * The span widened to the longest curated name around it made of capitalised words, such as
   * "Real Madrid" around "Madrid" or "New York Post" around "New York"; else the span itself.
   */
  private widenToGazetteer(
    text: string,
    sentence: readonly ModelToken[],
    start: number,
    end: number,
  ): [number, number] {
    const reach = this.gazetteer.maxWords;
    const name = (token: ModelToken | undefined): boolean => token?.kind === 'word' && token.capitalised;
    let first = start;
    while (first > 0 && start - first < reach && name(sentence[first - 1])) first -= 1;
    let last = end;
    while (last < sentence.length && last - end < reach && name(sentence[last])) last += 1;
    for (let length = Math.min(reach, last - first); length > end - start; length -= 1)
      for (let a = Math.max(first, end - length); a <= start && a + length <= last; a += 1) {
        const surface = text.slice(sentence[a].start, sentence[a + length - 1].end);
        // The exact form only: "The" opens a name only where the curated form has it ("The Hill").
        if (this.gazetteer.lookup(surface) !== undefined) return [a, a + length];
      }
    return [start, end];
  }

  /**
   * A one-word curated company name right after a title, or after a capitalised word that is no
   * known name, place, nationality or sentence opener, such as a first name ("Abigail").
   */
  private namesPersonOfFamily(sentence: readonly ModelToken[], start: number, titles: Uint8Array): boolean {
    if (this.lookup(sentence[start].text)?.type !== 'ORGANIZATION') return false;
    if (titles[start - 1] === 1) return true;
    const before = sentence[start - 1];
    if (before.kind !== 'word' || !before.capitalised || before.allCaps) return false;
    if (FIRST_NAMES.has(before.text)) return true;
    return (
      !NON_NAME_WORDS.has(before.text) &&
      !CALENDAR_WORDS.has(before.text) &&
      !isDemonym(before.text) &&
      this.lookup(before.text) === undefined &&
      this.extractor.places.lookup(before.text) === undefined
    );
  }

  /** The place of a dateline the model left out ("BONN 1996-08-30"), unless the gazetteer says otherwise. */
  private datelinePlace(
    text: string,
    sentence: readonly ModelToken[],
    end: number,
  ): ClassifiedSegment | undefined {
    const hit = this.lookup(text.slice(sentence[0].start, sentence[end - 1].end));
    if (hit !== undefined && hit.type !== 'LOCATION') return undefined;
    return this.ruleMention(text, sentence, 0, end, 'LOCATION', hit, DATELINE_CONFIDENCE);
  }

  /**
   * A capitalised run the model left out that a results line or a match report shows as a side:
   * a team, for the whole document (or a country).
   */
  private teamInRun(
    text: string,
    sentence: readonly ModelToken[],
    start: number,
    end: number,
    sports: SportsContext,
  ): ClassifiedSegment | undefined {
    // "He won 6-3" names no side.
    if (nameRunStart(sentence, start, end) !== start || !namesTeam(sentence, start, end, sports))
      return undefined;
    const hit = this.lookup(text.slice(sentence[start].start, sentence[end - 1].end));
    const kept = hit !== undefined && (hit.type === 'ORGANIZATION' || isCountry(hit)) ? hit : undefined;
    const type = kept?.type ?? 'ORGANIZATION';
    const mention = this.ruleMention(text, sentence, start, end, type, kept, RESULTS_LINE_CONFIDENCE);
    return type === 'ORGANIZATION' ? { ...mention, described: type } : mention;
  }

  /**
   * "Boultham is a village in Lincolnshire": a capitalised run the model left out (often a
   * sentence's unfamiliar first word) that a description types is a name of that type.
   */
  private describedRun(
    text: string,
    sentence: readonly ModelToken[],
    start: number,
    end: number,
    inHeadline: boolean,
  ): ClassifiedSegment | undefined {
    if (inHeadline) return undefined;
    // "On Friday, a federal judge …": a run of sentence openers and dates names nothing.
    start = nameRunStart(sentence, start, end);
    if (start < 0) return undefined;
    // A title the model missed is often longer than its capitalised run ("Beware of Mr. Baker").
    const type =
      describedType(sentence, start, end) ??
      typeBySpeech(sentence, end) ??
      (cuesTeam(sentence, start, end) ? 'ORGANIZATION' : undefined); // "Greenfield defender Tomas Hrubec"
    if (type === undefined || type === 'MISC') return undefined;
    const hit = this.lookup(text.slice(sentence[start].start, sentence[end - 1].end));
    const mention = this.ruleMention(
      text,
      sentence,
      start,
      end,
      hit?.type ?? type,
      hit,
      DESCRIBED_CONFIDENCE,
    );
    return { ...mention, described: type };
  }

  /** A mention the rules found where the model did not; a curated hit makes it as sure as the gazetteer. */
  private ruleMention(
    text: string,
    sentence: readonly ModelToken[],
    start: number,
    end: number,
    type: EntityType,
    hit: GazetteerHit | undefined,
    confidence: number,
  ): ClassifiedSegment {
    return {
      segment: segment(sentence, start, end, false),
      surface: text.slice(sentence[start].start, sentence[end - 1].end),
      type,
      confidence: hit !== undefined ? GAZETTEER_CONFIDENCE : confidence,
      ...(hit !== undefined ? { gazetteer: hit } : {}),
      wordCount: countWords(sentence, start, end),
    };
  }

  /** Exact form, then without a leading "The", then an all-caps form in title case ("GENEVA"). */
  private lookup(surface: string): GazetteerHit | undefined {
    const hit =
      this.gazetteer.lookup(surface) ??
      (surface.startsWith('The ') ? this.gazetteer.lookup(surface.slice(4)) : undefined);
    if (hit !== undefined || surface.length <= 3 || surface !== surface.toUpperCase()) return hit;
    return this.gazetteer.lookup(
      surface
        .toLowerCase()
        .replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
    );
  }
}

function segment(
  tokens: readonly ModelToken[],
  start: number,
  end: number,
  afterTitle: boolean,
): NameSegment {
  return {
    tokens: tokens.slice(start, end),
    start: tokens[start].start,
    end: tokens[end - 1].end,
    afterTitle,
    atSentenceStart: start === 0,
    inHeadline: false,
    previous: tokens[start - 1],
    following: tokens[end],
  };
}

/** Tokens that belong to a title phrase ("Secretary of State", "Crown Prince"). */
function markTitles(sentence: readonly ModelToken[]): Uint8Array {
  const titles = new Uint8Array(sentence.length);
  for (let i = 0; i < sentence.length; i += 1) {
    if (!sentence[i].capitalised) continue;
    for (const phrase of TITLE_PHRASES.get(sentence[i].text) ?? []) {
      if (i + phrase.length > sentence.length) continue;
      let matches = true;
      for (let k = 1; k < phrase.length && matches; k += 1) matches = sentence[i + k].text === phrase[k];
      if (!matches) continue;
      // "Joseph Lord": a one-word title ending a name is a surname.
      const next = sentence[i + phrase.length];
      const previous = sentence[i - 1];
      if (
        phrase.length === 1 &&
        TITLE_SURNAMES.has(phrase[0]) &&
        previous?.capitalised === true &&
        !(next?.kind === 'word' && next.capitalised)
      )
        break;
      titles.fill(1, i, i + phrase.length);
      i += phrase.length - 1;
      break;
    }
  }
  return titles;
}

const LOWER_WORD = /^\p{Ll}+$/u;
const LOWER_LETTER = /\p{Ll}/u;

/**
 * Trims a model span to the name: no punctuation, possessive or lower-case word at its edges, no
 * title ("President", "Secretary of State"), nothing after "All Rights" or from "on Thursday"
 * on. Returns undefined when nothing name-like is left or a lower-case word inside it is not a
 * connector ("Country of my Second Term").
 */
function refineSpan(
  sentence: readonly ModelToken[],
  spanStart: number,
  spanEnd: number,
  titles: Uint8Array,
  misc: boolean,
): { start: number; end: number; afterTitle: boolean } | undefined {
  let start = spanStart;
  let end = spanEnd;
  for (let i = start + 1; i < end; i += 1) {
    const token = sentence[i];
    if (token.text === 'All' && sentence[i + 1]?.text === 'Rights') end = i;
    else if (
      LOWER_WORD.test(token.text) &&
      i + 1 < end &&
      CALENDAR_WORDS.has(sentence[i + 1].text.replace(/\.$/, ''))
    )
      end = i;
  }
  // Event and work names may end in lower-case words ("2019 general election"); other names not.
  const trimmable = (token: ModelToken, index: number): boolean =>
    token.kind !== 'word' ||
    POSSESSIVE_TOKEN.test(token.text) ||
    (LOWER_WORD.test(token.text) && (!misc || PERSON_VERBS.has(token.text))) ||
    titles[index] === 1;
  while (end > start && trimmable(sentence[end - 1], end - 1)) end -= 1;
  // "Bishop Garrigan High School", "Queen Elizabeth Hospital": a title at the start of an
  // institution's or a place's name is part of the name, and makes no person of it.
  const last = sentence[end - 1]?.text ?? '';
  if (end - start > 1 && (ORGANIZATION_SUFFIXES.has(last) || LOCATION_SUFFIXES.has(last))) {
    while (start > 0 && titles[start - 1] === 1 && !TITLE_MODIFIERS.has(sentence[start - 1].text)) start -= 1;
    while (
      start < end &&
      (titles[start] === 0 || TITLE_MODIFIERS.has(sentence[start].text)) &&
      trimmable(sentence[start], start)
    )
      start += 1;
    return start < end - 1 ? checkedSpan(sentence, start, end, false, misc) : undefined;
  }
  let afterTitle = start > 0 && titles[start - 1] === 1;
  while (start < end && trimmable(sentence[start], start)) {
    if (titles[start] === 1) afterTitle = true;
    start += 1;
  }
  if (start >= end) return undefined;
  return checkedSpan(sentence, start, end, afterTitle, misc);
}

/** The span, unless a lower-case word inside it is not a connector ("Country of my Second Term"). */
function checkedSpan(
  sentence: readonly ModelToken[],
  start: number,
  end: number,
  afterTitle: boolean,
  misc: boolean,
): { start: number; end: number; afterTitle: boolean } | undefined {
  for (let i = start + 1; i < end - 1; i += 1) {
    const text = sentence[i].text;
    if (LOWER_WORD.test(text) && (misc ? POSSESSIVE_WORDS.has(text) : !CONNECTORS.has(text)))
      return undefined;
  }
  return { start, end, afterTitle };
}

/**
 * Where the name in a capitalised run the model left out starts, past sentence openers ("On
 * Friday, …", "He won 6-3"); -1 when the run holds a date word or only a nationality.
 */
function nameRunStart(sentence: readonly ModelToken[], start: number, end: number): number {
  while (start < end && NON_NAME_WORDS.has(sentence[start].text)) start += 1;
  if (start === end) return -1;
  for (let i = start; i < end; i += 1) if (CALENDAR_WORDS.has(sentence[i].text)) return -1;
  return end - start === 1 && isDemonym(sentence[start].text) ? -1 : start;
}

/** Last words of newspapers' names. */
const NEWSPAPER_NAME_ENDS = words(
  'Times Post Herald Tribune Gazette Telegraph Courier Chronicle Observer Examiner Inquirer Enquirer Dispatch Sentinel Ledger Journal Bulletin',
);

/** Words that mark a title as past or temporary: "Former CIA agent" opens no name. */
const TITLE_MODIFIERS = words(
  'Former former Acting acting Deputy deputy Vice vice Interim interim Outgoing outgoing Incoming incoming Late late Ex ex Retired retired',
);

/** The span follows "©" or "Copyright", perhaps with years in between. */
function afterCopyright(sentence: readonly ModelToken[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /^[\d–-]+$/.test(sentence[i].text)) i -= 1;
  return i >= 0 && (sentence[i].text === '©' || /^copyright$/i.test(sentence[i].text));
}

const QUOTE_MARKS = new Set(['"', '“', '‘', "'"]);

/** The span starts a quotation, holds a lower-case word and ends before the quotation closes. */
function opensQuotation(text: string, sentence: readonly ModelToken[], start: number, end: number): boolean {
  if (!QUOTE_MARKS.has(text.charAt(sentence[start].start - 1))) return false;
  let lowerCase = false;
  for (let i = start; i < end && !lowerCase; i += 1)
    lowerCase = sentence[i].kind === 'word' && /^\p{Ll}/u.test(sentence[i].text);
  return lowerCase && !/^[,.!?;:]?["”’']/.test(text.slice(sentence[end - 1].end, sentence[end - 1].end + 2));
}

function countWords(sentence: readonly ModelToken[], start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i += 1) if (sentence[i].kind === 'word') count += 1;
  return count;
}

/**
 * "Kellerton Centre" + "for" + "Coastal Flood Analysis" → one organisation: a span ending in an
 * organisation head word, then "for" or "of", then another span that opens with a capital.
 */
function joinOrganizationNames(sentence: readonly ModelToken[], spans: LabelledSpan[]): LabelledSpan[] {
  for (let index = spans.length - 2; index >= 0; index -= 1) {
    const first = spans[index];
    const second = spans[index + 1];
    const joiner = sentence[first.end].text;
    if (
      second.start === first.end + 1 &&
      (joiner === 'for' || joiner === 'of') &&
      ORGANIZATION_HEADS.has(sentence[first.end - 1].text) &&
      sentence[second.start].capitalised
    )
      spans.splice(index, 2, { start: first.start, end: second.end, type: ORGANIZATION_TYPE });
  }
  return spans;
}

/** "Centre for Global Disease Analysis", "Institute of Fiscal Studies": a head word, then "for" or "of". */
function headsOrganization(sentence: readonly ModelToken[], start: number, end: number): boolean {
  for (let index = start; index < end - 2; index += 1) {
    const word = sentence[index + 1].text;
    if ((word === 'for' || word === 'of') && ORGANIZATION_HEADS.has(sentence[index].text)) return true;
  }
  return false;
}

/** Whether a token of the span is a foreign word for "party", "movement" and the like. */
function hasPartyWord(sentence: readonly ModelToken[], start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (PARTY_WORDS.has(sentence[index].text)) return true;
  return false;
}

/**
 * Where the name of a photo credit starts when the span ends one: "/Agency" right after it, and
 * two or three capitalised words back to a "(" or a line start ("(Mikael Strand/Reuters)"); −1
 * when the span is not in a credit.
 */
function creditNameStart(text: string, sentence: readonly ModelToken[], start: number, end: number): number {
  const after = sentence[end - 1].end;
  if (text.charAt(after) !== '/' || !/\p{Lu}/u.test(text.charAt(after + 1))) return -1;
  let first = end - 1;
  while (first > 0 && sentence[first - 1].kind === 'word' && sentence[first - 1].capitalised) first -= 1;
  if (first > start || end - first < 2 || end - first > 3) return -1;
  const opening = text.slice(0, sentence[first].start).replace(/[ \t]+$/, '');
  return opening === '' || opening.endsWith('(') || opening.endsWith('\n') ? first : -1;
}
