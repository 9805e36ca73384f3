import { readFileSync } from 'node:fs';

/** One sentence of a CoNLL file: tokens and their IOB2 tags ("B-PER", "I-ORG", "O"). */
export interface ConllSentence {
  words: string[];
  tags: string[];
}

/** A document: the sentences between two `-DOCSTART-` lines. */
export type ConllDocument = ConllSentence[];

/**
 * Parses `token<TAB>tag` lines, blank lines between sentences, `-DOCSTART-` between documents.
 * A file without document markers is one document.
 */
export function parseConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let sentence: ConllSentence = { words: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.words.length > 0) document.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const endDocument = (): void => {
    endSentence();
    if (document.length > 0) documents.push(document);
    document = [];
  };
  for (const rawLine of content.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const word = tab >= 0 ? line.slice(0, tab) : line.split(' ')[0];
    const tag = tab >= 0 ? line.slice(tab + 1).trim() : (line.split(' ').at(-1) ?? 'O');
    if (word === '-DOCSTART-') {
      endDocument();
      continue;
    }
    sentence.words.push(word);
    sentence.tags.push(tag);
  }
  endDocument();
  return documents;
}

export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}
