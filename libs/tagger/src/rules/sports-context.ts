import { words } from '../lexicon/english-cues.lexicon';
import type { ModelToken } from '../model/text-sentences';

/**
 * Sports pages name clubs after their cities ("Leeds 3 Southampton 2", "Bowling Green beat
 * Toledo 24-17"). News annotation (CoNLL-2003) calls such a name an organisation, the team, while
 * a national side keeps its country's type ("Brazil beat Argentina 2-1": LOCATION). The model,
 * trained on encyclopaedia text, reads the city. These helpers say when a sentence is about a
 * match and which names in it stand for teams.
 */
export type SportsContext = 'results' | 'report';

/** "24-17", "2–1": a score. Years ("1990-95") have four digits and are left alone. */
const SCORE = /^\d{1,3}[-–]\d{1,3}$/;
const SMALL_NUMBER = /^\d{1,3}$/;
/** What else a results line or standings row may hold besides names and numbers. */
const LINE_FILLERS = new Set(['-', '–', ',', '(', ')', ':', '.', '*', 'v', 'vs', 'vs.']);
/** Verbs that follow the team named first in a match report ("Toledo beat ..."). */
const AFTER_TEAM = new Set(
  'beat beats defeated defeats edged edges downed downs routed routs thrashed crushed stunned upset blanked hammered trounced drubbed walloped whipped pipped outclassed overpowered drew tied held lost loses overcame outlasted outscored won wins finished finishes v vs vs.'.split(
    ' ',
  ),
);
/** Words that come before the team named second ("... beat Toledo", "a win over Toledo"). */
const BEFORE_TEAM = new Set(
  'beat beats beating defeated defeats defeating edged edges edging downed downs downing routed routs routing thrashed thrashing crushed crushing stunned upset blanked hammered hammering trounced trouncing drubbed walloped whipped pipped outclassed overpowered overcame outlasted outscored against over past v vs vs.'.split(
    ' ',
  ),
);

/** A loss names the winner after a preposition: "lost to Tulsa", "beaten by Leeds". */
const LOSS_BEFORE_TEAM = new Map<string, Set<string>>([
  ['lost', new Set(['to'])],
  ['losing', new Set(['to'])],
  ['loses', new Set(['to'])],
  ['fell', new Set(['to'])],
  ['falling', new Set(['to'])],
  ['beaten', new Set(['by'])],
  ['defeated', new Set(['by'])],
]);

export function isScore(word: string): boolean {
  return SCORE.test(word);
}

/**
 * 'results' for a line of names and small numbers only, with at least two numbers (a result or a
 * standings row); 'report' for a sentence holding a score; otherwise undefined.
 */
export function sportsContext(tokens: readonly ModelToken[]): SportsContext | undefined {
  let numbers = 0;
  let names = 0;
  let tableLike = true;
  let score = false;
  for (const token of tokens) {
    if (SCORE.test(token.text)) {
      score = true;
      numbers += 1;
    } else if (SMALL_NUMBER.test(token.text)) numbers += 1;
    else if (token.kind === 'word' && token.capitalised) names += 1;
    else if (!LINE_FILLERS.has(token.text)) tableLike = false;
  }
  if (tableLike && numbers >= 2 && names > 0) return 'results';
  return score || hasWinningMargin(tokens) ? 'report' : undefined;
}

/** "by six wickets", "by 3 runs", "by two strokes": a result stated as a winning margin. */
function hasWinningMargin(tokens: readonly ModelToken[]): boolean {
  for (let i = 2; i < tokens.length; i += 1) {
    if (!MARGIN_UNITS.has(tokens[i].text) || tokens[i - 2].text !== 'by') continue;
    const count = tokens[i - 1].text;
    if (SMALL_NUMBER.test(count) || NUMBER_WORDS.has(count)) return true;
  }
  return false;
}
const MARGIN_UNITS = words('wickets runs goals points strokes lengths tries shots');
const NUMBER_WORDS = words(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty',
);

/**
 * Whether the name at tokens [start, end) stands for a team: in a results line it is followed by
 * its score; in a match report a result verb follows it or a result word comes before it.
 */
export function namesTeam(
  tokens: readonly ModelToken[],
  start: number,
  end: number,
  context: SportsContext | undefined,
): boolean {
  if (context === 'results') {
    const next = tokens[end]?.text;
    return next !== undefined && (SMALL_NUMBER.test(next) || SCORE.test(next));
  }
  if (context === 'report') {
    const next = tokens[end]?.text.toLowerCase();
    const previous = start > 0 ? tokens[start - 1].text.toLowerCase() : undefined;
    // "losing to Tulsa 63-7", "beaten by Leeds 2-0"
    const verb = start > 1 ? tokens[start - 2].text.toLowerCase() : undefined;
    return (
      (next !== undefined && AFTER_TEAM.has(next)) ||
      (previous !== undefined && BEFORE_TEAM.has(previous)) ||
      (previous !== undefined && verb !== undefined && (LOSS_BEFORE_TEAM.get(verb)?.has(previous) ?? false))
    );
  }
  return false;
}

/** Words after a club's name that make it the club: "North Melbourne player", "Leeds manager". */
const TEAM_ROLES = words(
  'player players coach manager captain striker midfielder defender goalkeeper keeper quarterback pitcher winger squad roster',
);
/** Words that, with a preposition, take a club: "played for", "signed with", "26 games for". */
const TEAM_VERBS = new Map<string, Set<string>>([
  ['played', new Set(['for', 'with'])],
  ['plays', new Set(['for', 'with'])],
  ['playing', new Set(['for', 'with'])],
  ['signed', new Set(['for', 'with'])],
  ['drafted', new Set(['by'])],
  ['traded', new Set(['to', 'by'])],
  ['loaned', new Set(['to', 'by'])],
  ['waived', new Set(['by'])],
  ['debuted', new Set(['for', 'with'])],
  ['games', new Set(['for'])],
  ['matches', new Set(['for'])],
  ['appearances', new Set(['for'])],
  ['goals', new Set(['for'])],
  ['caps', new Set(['for'])],
  ['titles', new Set(['with'])],
]);

/**
 * Whether the sentence's words around tokens [start, end) make the name a club in running prose,
 * score or not: "played with Footscray", "signed for the Victorias", "coached North Melbourne",
 * "a Coburg player". Used for names the model read as places or titles, and for capitalised runs
 * it left out ("Greenfield defender Tomas Hrubec").
 */
export function cuesTeam(tokens: readonly ModelToken[], start: number, end: number): boolean {
  const next = tokens[end];
  if (next !== undefined && next.kind === 'word' && TEAM_ROLES.has(next.text)) return true;
  let before = start - 1;
  if (tokens[before]?.text === 'the') before -= 1;
  const word = tokens[before]?.text.toLowerCase();
  if (word === 'coached' || word === 'captained') return true;
  const verb = tokens[before - 1]?.text; // case kept: "Olympic Games for" is no cue
  return word !== undefined && verb !== undefined && (TEAM_VERBS.get(verb)?.has(word) ?? false);
}
