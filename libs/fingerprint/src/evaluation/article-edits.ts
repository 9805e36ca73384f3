import { SeededRandom } from './seeded-random';

export interface Article {
  id: string;
  title: string;
  body: string;
}

export type EditName = 'headline' | 'trim' | 'boilerplate' | 'dateline' | 'substitutions' | 'rewrap';

export const EDIT_NAMES: readonly EditName[] = [
  'headline',
  'trim',
  'boilerplate',
  'dateline',
  'substitutions',
  'rewrap',
];

/** Text as a fingerprint sees it: headline, blank line, body. */
export function articleText(article: Pick<Article, 'title' | 'body'>): string {
  return `${article.title}\n\n${article.body}`;
}

/** What republishing outlets do to wire copy; each function is deterministic given the PRNG. */
export function applyEdits(article: Article, edits: readonly EditName[], random: SeededRandom): Article {
  let { title, body } = article;
  for (const edit of edits) {
    switch (edit) {
      case 'headline':
        title = rewordHeadline(title, random);
        break;
      case 'trim':
        body = trimLastParagraphs(body, random);
        break;
      case 'boilerplate':
        body = addBoilerplate(body, random);
        break;
      case 'dateline':
        body = changeDateline(body, random);
        break;
      case 'substitutions':
        body = substituteWords(body, random);
        break;
      case 'rewrap':
        body = rewrapParagraphs(body, random);
        break;
    }
  }
  return { id: `${article.id}#${edits.join('+')}`, title, body };
}

const HEADLINE_PREFIXES = ['UPDATE 2-', 'BREAKING: ', 'Update: ', 'WATCH: ', 'Exclusive: '];
const HEADLINE_SUFFIXES = [' | Reuters', ' - The Daily Star', ' — live updates', ' (VIDEO)', ' | World News'];

const SYNONYMS: Readonly<Record<string, string>> = {
  said: 'stated',
  says: 'states',
  told: 'informed',
  people: 'persons',
  killed: 'left dead',
  dead: 'killed',
  announced: 'unveiled',
  announces: 'unveils',
  begins: 'starts',
  began: 'started',
  start: 'begin',
  help: 'assist',
  helped: 'assisted',
  big: 'large',
  large: 'big',
  major: 'significant',
  new: 'fresh',
  after: 'following',
  before: 'ahead of',
  about: 'around',
  nearly: 'almost',
  almost: 'nearly',
  over: 'more than',
  also: 'additionally',
  however: 'but',
  officials: 'authorities',
  police: 'officers',
  government: 'administration',
  president: 'President',
  attack: 'assault',
  attacks: 'assaults',
  strikes: 'raids',
  building: 'structure',
  city: 'town',
  country: 'nation',
  because: 'as',
  while: 'whilst',
  among: 'amongst',
  including: 'among them',
  show: 'indicate',
  shows: 'indicates',
  reported: 'said',
  used: 'employed',
  use: 'employ',
  protect: 'defend',
  increase: 'rise',
  support: 'backing',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  ten: '10',
  percent: 'per cent',
  organization: 'organisation',
  center: 'centre',
  defense: 'defence',
};

const BOILERPLATE = [
  'Follow us on Twitter and Facebook for the latest news.',
  'This story was updated to include comment from officials.',
  'This story has been corrected to fix the spelling of a name.',
  'Sign up for our daily newsletter to get the top stories in your inbox.',
  'Copyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  '(Reporting by staff; Editing by the news desk)',
  'Read more: our full coverage of this story.',
  'Have a news tip? Contact our newsroom.',
];

const DATELINES = [
  'LONDON (Reuters) — ',
  'WASHINGTON (AP) — ',
  'PARIS, Jan. 14 (AFP) - ',
  'NEW YORK — ',
  'BERLIN (dpa) – ',
  'SYDNEY, Australia (AP) — ',
];

const EXISTING_DATELINE = /^[A-Z][A-Z .,'-]{2,40}(?:,[^()]{1,30})?(?: \([^)]{1,20}\))? [—–-] /;

function rewordHeadline(title: string, random: SeededRandom): string {
  let result = title;
  const steps = random.integer(1, 2);
  for (let step = 0; step < steps; step++) {
    switch (random.integer(0, 4)) {
      case 0:
        result = random.pick(HEADLINE_PREFIXES) + result;
        break;
      case 1:
        result += random.pick(HEADLINE_SUFFIXES);
        break;
      case 2: {
        // "A, B" → "B: A" (or drop the trailing clause), as sub-editors rework a headline.
        const comma = result.indexOf(', ');
        if (comma > 0) {
          const head = result.slice(0, comma);
          const tail = result.slice(comma + 2);
          result = random.chance(0.5) ? `${capitalise(tail)}: ${head}` : head;
        } else {
          result = substituteInText(result, 1, random);
        }
        break;
      }
      case 3:
        result = result.replace(
          /\b([a-z])([a-z]*)/g,
          (_, first: string, rest: string) => first.toUpperCase() + rest,
        );
        break;
      default:
        result = substituteInText(result, 0.5, random);
    }
  }
  return result;
}

function trimLastParagraphs(body: string, random: SeededRandom): string {
  const paragraphs = splitParagraphs(body);
  // Keep at least 60 % of the text: beyond that an outlet has written a different, shorter story.
  const keepShare = 0.6 + random.next() * 0.3;
  const total = body.length;
  let kept = paragraphs.length;
  let length = total;
  while (kept > 1) {
    const last = paragraphs[kept - 1] ?? '';
    if (length - last.length < keepShare * total) break;
    length -= last.length;
    kept--;
  }
  return paragraphs.slice(0, kept).join('\n\n');
}

function addBoilerplate(body: string, random: SeededRandom): string {
  const line = random.pick(BOILERPLATE);
  return random.chance(0.75) ? `${body}\n\n${line}` : `${line}\n\n${body}`;
}

function changeDateline(body: string, random: SeededRandom): string {
  const dateline = random.pick(DATELINES);
  return EXISTING_DATELINE.test(body) ? body.replace(EXISTING_DATELINE, dateline) : dateline + body;
}

function substituteWords(body: string, random: SeededRandom): string {
  // Most eligible words stay: copy editors touch a handful of words per story.
  return substituteInText(body, 0.15 + random.next() * 0.25, random);
}

function substituteInText(text: string, probability: number, random: SeededRandom): string {
  return text.replace(/\b[A-Za-z]+\b/g, (word) => {
    const replacement = SYNONYMS[word.toLowerCase()];
    if (replacement === undefined || !random.chance(probability)) return word;
    return word[0] === word[0]?.toUpperCase() ? capitalise(replacement) : replacement;
  });
}

function rewrapParagraphs(body: string, random: SeededRandom): string {
  const paragraphs = splitParagraphs(body);
  switch (random.integer(0, 3)) {
    case 0: {
      const width = random.integer(60, 80);
      return paragraphs.map((paragraph) => wrap(paragraph, width)).join('\n\n');
    }
    case 1:
      return paragraphs.join('\r\n');
    case 2:
      // Typographic quotes and dashes, non-breaking spaces after full stops: what a CMS does.
      return paragraphs
        .map((paragraph) =>
          paragraph
            .replace(/"([^"]*)"/g, '“$1”')
            .replace(/'/g, '’')
            .replace(/ - /g, ' — ')
            .replace(/\. /g, '.\u00a0'),
        )
        .join('\n\n');
    default: {
      // Long paragraphs split at a sentence boundary, as mobile layouts do.
      return paragraphs
        .flatMap((paragraph) => {
          const middle = paragraph.indexOf('. ', Math.floor(paragraph.length / 2));
          return middle > 0 ? [paragraph.slice(0, middle + 1), paragraph.slice(middle + 2)] : [paragraph];
        })
        .join('\n\n');
    }
  }
}

function splitParagraphs(body: string): string[] {
  return body.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
}

function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
