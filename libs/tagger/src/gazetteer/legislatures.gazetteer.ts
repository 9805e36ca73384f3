import { curated, type GazetteerEntry } from './gazetteer-entry';

// National legislatures with a name of their own (generic ones such as "National Assembly" or
// "Senate" name a different body in every country and are left to the model). No QIDs.
const legislature = (name: string, aliases: readonly string[] = []): GazetteerEntry =>
  curated('ORGANIZATION', name, aliases);

export const LEGISLATURES: readonly GazetteerEntry[] = [
  legislature('Knesset'),
  legislature('Bundestag'),
  legislature('Bundesrat'),
  legislature('State Duma'),
  legislature('Federation Council'),
  legislature('House of Commons'),
  legislature('House of Lords'),
  legislature('Lok Sabha'),
  legislature('Rajya Sabha'),
  legislature('Verkhovna Rada'),
  legislature('Sejm'),
  legislature('Riksdag'),
  legislature('Storting'),
  legislature('Folketing'),
  legislature('Eduskunta'),
  legislature('Oireachtas'),
  legislature('Dáil Éireann', ['Dáil']),
  legislature('Bundesversammlung'),
  legislature('Cortes Generales'),
  legislature("National People's Congress"),
];
