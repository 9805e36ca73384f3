import { isDemonym } from '../lexicon/english-cues.lexicon';
import type { ConllDocument } from './conll';
import { spansOfTags } from './training-data';

/**
 * Brings the training files' annotation conventions in line with the CoNLL-2003 guidelines that
 * news taggers (and both measuring files) follow, where the source files part from them:
 *
 * - an institution named after its building is an organisation: DocRED and CrossNER mostly
 *   label "St Thomas' Hospital", "Louvre Museum", "Peninsula Hotel" or "Apollo Theatre" as a
 *   LOCATION (or MISC);
 * - a newspaper, magazine, broadcaster, record label, band, club or league is an organisation:
 *   the source files label "The Times", "Rolling Stone Magazine", "Tamla Records" or "Premier
 *   League" MISC now and then.
 *
 * - a nationality or religion word on its own is MISC: DocRED labels "Jewish", "Catholic",
 *   "Muslim" or "Nazi" alone as an organisation about one time in eight. Words for a party's
 *   members ("Republican", "Liberal", "Conservative") are left as they are, since news is split
 *   on them too.
 *
 * Only the type changes, never a span's extent, and only for names whose words say what they
 * are. Returns how many names changed type.
 */
const INSTITUTION_HEADS = new Set([
  'hospital',
  'hotel',
  'museum',
  'school',
  'academy',
  'library',
  'theatre',
  'theater',
]);

const ORGANIZATION_WHEN_MISC_HEADS = new Set([
  'times',
  'post',
  'journal',
  'herald',
  'gazette',
  'tribune',
  'chronicle',
  'magazine',
  'telegraph',
  'examiner',
  'courier',
  'inquirer',
  'news',
  'radio',
  'tv',
  'television',
  'network',
  'records',
  'band',
  'club',
  'league',
  'corps',
]);

const PARTY_MEMBER_WORDS = new Set([
  'Democrat',
  'Democrats',
  'Democratic',
  'Republican',
  'Republicans',
  'Liberal',
  'Liberals',
  'Conservative',
  'Conservatives',
  'Socialist',
  'Communist',
]);

/** "Jewish", "Catholics", "Uzbeks": a nationality or religion word, singular or plural. */
function isGroupWord(word: string): boolean {
  return !PARTY_MEMBER_WORDS.has(word) && isDemonym(word);
}

const TYPE_INDEX = { ORG: 1, LOC: 2, MISC: 3 } as const;

export function alignConventions(documents: readonly ConllDocument[]): number {
  let changed = 0;
  for (const document of documents)
    for (const sentence of document)
      for (const [start, end, type] of spansOfTags(sentence.tags)) {
        const head = sentence.words[end - 1].toLowerCase();
        const toOrg =
          ((type === TYPE_INDEX.LOC || type === TYPE_INDEX.MISC) && INSTITUTION_HEADS.has(head)) ||
          (type === TYPE_INDEX.MISC && ORGANIZATION_WHEN_MISC_HEADS.has(head));
        const toMisc = type !== TYPE_INDEX.MISC && end - start === 1 && isGroupWord(sentence.words[start]);
        if (!toOrg && !toMisc) continue;
        const label = toOrg ? 'ORG' : 'MISC';
        for (let index = start; index < end; index += 1)
          sentence.tags[index] = `${index === start ? 'B' : 'I'}-${label}`;
        changed += 1;
      }
  return changed;
}
