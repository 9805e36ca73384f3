import type { GazetteerEntry } from './gazetteer-entry';

// Heads of state and government and other people who lead international news. Bare surnames are
// not aliases here: the document-level resolver links "Scholz" to "Olaf Scholz" when both occur.
export const PEOPLE: readonly GazetteerEntry[] = [
  { name: 'Donald Trump', type: 'PERSON', qid: 'Q22686', aliases: ['Donald J. Trump'] },
  { name: 'Joe Biden', type: 'PERSON', qid: 'Q6279', aliases: ['Joseph Biden', 'Joseph R. Biden'] },
  { name: 'Barack Obama', type: 'PERSON', qid: 'Q76' },
  { name: 'Kamala Harris', type: 'PERSON', qid: 'Q10853588' },
  { name: 'Vladimir Putin', type: 'PERSON', qid: 'Q7747' },
  { name: 'Volodymyr Zelenskyy', type: 'PERSON', qid: 'Q3874799', aliases: ['Volodymyr Zelensky'] },
  { name: 'Xi Jinping', type: 'PERSON', qid: 'Q15031' },
  { name: 'Emmanuel Macron', type: 'PERSON', qid: 'Q3052772' },
  { name: 'Olaf Scholz', type: 'PERSON', qid: 'Q61053' },
  { name: 'Angela Merkel', type: 'PERSON', qid: 'Q567' },
  { name: 'Narendra Modi', type: 'PERSON', qid: 'Q1058' },
  { name: 'Benjamin Netanyahu', type: 'PERSON', qid: 'Q43723' },
  { name: 'Recep Tayyip Erdoğan', type: 'PERSON', qid: 'Q39259', aliases: ['Recep Tayyip Erdogan'] },
  { name: 'Pope Francis', type: 'PERSON', qid: 'Q450675' },
  { name: 'Elon Musk', type: 'PERSON', qid: 'Q317521' },
];
