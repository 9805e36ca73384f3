import { MEDIA_TOPICS } from './media-topics';
import { classifyTopics, scoreTopics } from './topic-classifier';
import { TOPIC_LEXICONS } from './topic-lexicons';
import { normalisedWords } from './word-forms';

// Short articles written for these tests.
const SPORT = {
  headline: 'Late header sends Riverside into the cup final',
  body:
    'Riverside reached the cup final on Saturday after their striker scored a late header against ' +
    'Northgate. The goalkeeper saved a penalty in the first half, and the coach praised the players ' +
    'for their patience. The league leaders now face the champions at the national stadium next month, ' +
    'where fans expect a sell-out crowd for the match.',
};

const POLITICS = {
  headline: 'Prime minister calls early election after budget defeat',
  body:
    'The prime minister called an early general election on Tuesday after parliament voted down the ' +
    "government's budget. Opposition parties said voters deserved a choice, and the electoral commission " +
    'set the ballot for the first week of June. Several ministers are expected to stand down, and the ' +
    'ruling party will choose its candidates in a series of votes across the constituencies.',
};

const WEATHER = {
  headline: 'Heavy rain and gusts expected as storm nears the coast',
  body:
    'Forecasters warned of heavy rain and wind gusts of up to 110 km/h as the storm approached the ' +
    'coast on Thursday. The national weather service issued a warning for three provinces, with rainfall ' +
    'of 80 millimetres likely overnight. Temperatures will drop sharply behind the front, and snow is ' +
    'forecast on high ground by the weekend.',
};

const ECONOMY = {
  headline: 'Central bank raises interest rates as inflation climbs',
  body:
    'The central bank raised its benchmark interest rate by half a point on Wednesday, saying inflation ' +
    'had climbed faster than expected. Shares fell on the stock exchange and the currency strengthened ' +
    'against the dollar. Economists said the decision would slow growth, and retailers warned that ' +
    'consumer spending was already weakening as prices rose.',
};

const NO_CLEAR_TOPIC = {
  headline: 'A quiet afternoon on Elm Street',
  body:
    'On Tuesday afternoon the street was quiet. A few neighbours talked outside number twelve while a ' +
    'delivery van waited at the corner. Later the light changed, the van left, and everyone went back ' +
    'inside before the evening.',
};

const codes = (topics: Array<{ code: string }>): string[] => topics.map((topic) => topic.code);

describe('classifyTopics', () => {
  it('tags a football report as sport and says which cues fired', () => {
    const [first, ...rest] = classifyTopics(SPORT.body, SPORT.headline);
    expect(first).toMatchObject({ code: 'medtop:15000000', label: 'sport' });
    expect(first.cues).toEqual(expect.arrayContaining(['striker', 'goalkeeper', 'league']));
    expect(first.score).toBeGreaterThan(0);
    expect(codes(rest)).not.toContain('medtop:15000000');
  });

  it('tags an election story as politics and government', () => {
    const topics = classifyTopics(POLITICS.body, POLITICS.headline);
    expect(codes(topics)[0]).toBe('medtop:11000000');
    expect(topics[0].label).toBe('politics and government');
    expect(topics[0].cues).toEqual(expect.arrayContaining(['election', 'parliament', 'ballot']));
  });

  it('tags a storm warning as weather', () => {
    const topics = classifyTopics(WEATHER.body, WEATHER.headline);
    expect(codes(topics)[0]).toBe('medtop:17000000');
    expect(topics[0].cues).toEqual(expect.arrayContaining(['forecaster', 'heavy rain', 'gusts']));
  });

  it('tags an interest-rate story as economy, business and finance', () => {
    const topics = classifyTopics(ECONOMY.body, ECONOMY.headline);
    expect(codes(topics)).toEqual(['medtop:04000000']);
    expect(topics[0].cues).toEqual(expect.arrayContaining(['central bank', 'inflation', 'interest rate']));
  });

  it('gives no topic to a text without a clear subject, and none to an empty text', () => {
    expect(classifyTopics(NO_CLEAR_TOPIC.body, NO_CLEAR_TOPIC.headline)).toEqual([]);
    expect(classifyTopics('', '')).toEqual([]);
  });

  it('assigns at most three topics, best first, each above the threshold', () => {
    const mixed =
      `${SPORT.body} ${POLITICS.body} ${WEATHER.body} ${ECONOMY.body}`.repeat(2) +
      ' The club was fined after its chairman was arrested and charged with fraud.';
    const topics = classifyTopics(mixed);
    expect(topics).toHaveLength(3);
    const scores = topics.map((topic) => topic.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(classifyTopics(mixed, '', { maxTopics: 1 })).toHaveLength(1);
  });

  it('weighs a cue in the headline more than the same cue in the body', () => {
    const body = 'Officials met on Monday to discuss the plans. The storm was mentioned once.';
    const inBody = scoreTopics(body).find((topic) => topic.code === 'medtop:17000000');
    const inHeadline = scoreTopics(body, 'Storm ahead').find((topic) => topic.code === 'medtop:17000000');
    expect(inHeadline?.score ?? 0).toBeGreaterThan(inBody?.score ?? 0);
  });

  it('does not read "Labour Party" as labour or "air strike" as a strike', () => {
    const text =
      'The Labour Party said the air strike on the border town was a mistake. Labour Party officials ' +
      'called for an inquiry into the air strike.';
    const labour = scoreTopics(text).find((topic) => topic.code === 'medtop:09000000');
    expect(labour?.score).toBe(0);
  });

  it('matches plurals and possessives of a cue ("elections", "parliament\'s")', () => {
    const topics = scoreTopics("Two elections in a row changed the parliament's mood.");
    const politics = topics.find((topic) => topic.code === 'medtop:11000000');
    expect(politics?.cues).toEqual(expect.arrayContaining(['election', 'parliament']));
  });

  it('is deterministic', () => {
    expect(classifyTopics(SPORT.body, SPORT.headline)).toEqual(classifyTopics(SPORT.body, SPORT.headline));
  });
});

describe('topic lexicons', () => {
  it('cover exactly the 17 top-level IPTC Media Topics, in code order', () => {
    expect(MEDIA_TOPICS.map((topic) => topic.code)).toEqual(
      Array.from({ length: 17 }, (_, i) => `medtop:${String(i + 1).padStart(2, '0')}000000`),
    );
    expect(TOPIC_LEXICONS.map((lexicon) => lexicon.code)).toEqual(MEDIA_TOPICS.map((topic) => topic.code));
  });

  it('list each cue once within a topic (plurals and possessives count as the same cue)', () => {
    const repeated: string[] = [];
    for (const lexicon of TOPIC_LEXICONS) {
      const seen = new Map<string, string>();
      for (const strength of ['strong', 'medium', 'weak', 'block'] as const) {
        for (const cue of (lexicon[strength] ?? '').split(',').map((c) => c.trim())) {
          if (cue.length === 0) continue;
          const key = normalisedWords(cue).join(' ');
          if (seen.has(key)) repeated.push(`${lexicon.code} ${strength} "${cue}" repeats "${seen.get(key)}"`);
          seen.set(key, cue);
        }
      }
    }
    expect(repeated).toEqual([]);
  });
});
