import { isAbbreviation, tokenize, type Token } from '../tokenizer';

/** A token as the model sees it, with its place in the source text. */
export type ModelToken = Token;

/** Longer sentences are cut: table rows and lists without full stops would otherwise get huge. */
const MAX_SENTENCE_TOKENS = 120;
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const POSSESSIVE = /['’]s$/;

/**
 * Splits text into sentences of tokens the way the training data is tokenised: words, dotted
 * acronyms and single punctuation marks, with a possessive "'s" as its own token ("Trump 's").
 * A sentence ends at a line break or at end punctuation followed by a word the tokenizer marks
 * as a sentence start (so "Dr. Jane Doe" and "U.S. officials" stay whole).
 */
export function splitSentences(text: string): ModelToken[][] {
  const sentences: ModelToken[][] = [];
  let current: ModelToken[] = [];
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  let previous: Token | undefined;
  const tokens = tokenize(text);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = normaliseQuotes(tokens[index]);
    if (token.kind === 'newline') {
      flush();
      previous = token;
      continue;
    }
    if (
      current.length > 0 &&
      token.kind === 'word' &&
      token.sentenceStart &&
      previous !== undefined &&
      SENTENCE_END.has(previous.text)
    )
      flush();
    if (current.length >= MAX_SENTENCE_TOKENS) flush();
    if (token.text === '/' && previous?.capitalised === true && tokens[index + 1]?.capitalised === true) {
      // "(Andrew Harnik/Getty Images)": a photo credit is two names, decoded apart.
      flush();
      previous = token;
      continue;
    }
    if (token.kind === 'word' && token.text.length > 2 && POSSESSIVE.test(token.text)) {
      current.push({ ...token, text: token.text.slice(0, -2), end: token.end - 2 });
      current.push({
        ...token,
        kind: 'punct',
        text: token.text.slice(-2),
        start: token.end - 2,
        capitalised: false,
        allCaps: false,
        sentenceStart: false,
      });
    } else if (
      token.kind === 'word' &&
      isAbbreviation(token.text) &&
      tokens[index + 1]?.start === token.end &&
      tokens[index + 1].text === '.'
    ) {
      // "F." in "George F. Hauser", "Dr.", "Inc.": one token, as in the training data.
      current.push({ ...token, text: `${token.text}.`, end: token.end + 1 });
      index += 1;
    } else {
      current.push(token);
    }
    previous = tokens[index];
  }
  flush();
  return sentences;
}

/** Typographic quotes as the training data writes them ("Israel’s" → "Israel's"); same length. */
function normaliseQuotes(token: Token): Token {
  if (!/[‘’“”]/.test(token.text)) return token;
  return { ...token, text: token.text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') };
}

/** Token texts of a short phrase (gazetteer forms), tokenised like running text. */
export function phraseTokens(phrase: string): string[] {
  return splitSentences(phrase).flatMap((sentence) => sentence.map((token) => token.text));
}
