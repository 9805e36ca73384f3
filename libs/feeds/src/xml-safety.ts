import { FeedParseError } from './feed-parse-error';

/**
 * Refuses documents whose DOCTYPE carries an internal subset (where entities are declared: billion
 * laughs, XXE) before any parser sees them, so the refusal is fast and names the problem. A DOCTYPE
 * that only points at an external DTD (old RSS 0.91 feeds do) is harmless: nothing ever fetches it.
 *
 * Only the prolog is scanned, skipping comments and processing instructions, because a DOCTYPE is
 * only legal there; a DOCTYPE anywhere else (or one this scan misses) still cannot expand anything,
 * because the parser's entity decoder refuses declared entities (see `xml-document.ts`).
 */
export function assertSafeXmlProlog(xml: string): void {
  let position = 0;
  for (;;) {
    while (position < xml.length && /\s/.test(xml[position] ?? '')) position += 1;
    if (xml.startsWith('<?', position)) {
      const end = xml.indexOf('?>', position + 2);
      if (end < 0) return;
      position = end + 2;
    } else if (xml.startsWith('<!--', position)) {
      const end = xml.indexOf('-->', position + 4);
      if (end < 0) return;
      position = end + 3;
    } else if (xml.slice(position, position + 9).toUpperCase() === '<!DOCTYPE') {
      checkDoctype(xml, position);
      return;
    } else {
      return;
    }
  }
}

function checkDoctype(xml: string, start: number): void {
  let quote: string | null = null;
  for (let index = start + 9; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return;
    } else if (char === '[') {
      throw new FeedParseError('unsafe_xml', describeInternalSubset(xml.slice(index + 1)));
    }
  }
}

function describeInternalSubset(subset: string): string {
  const declarations = [...subset.matchAll(/<!ENTITY\s+(%\s+)?([^\s>]+)\s*(SYSTEM|PUBLIC)?/gi)];
  if (declarations.length === 0) {
    return 'XML DOCTYPE with an internal subset is not accepted (DTDs are never processed)';
  }
  const external = declarations.filter((match) => match[3] !== undefined).map((match) => match[2]);
  if (external.length > 0) {
    return `XML DOCTYPE declares external entities (${external.join(', ')}): refused, DTDs and external entities are never processed`;
  }
  const names = declarations.slice(0, 5).map((match) => match[2]);
  return `XML DOCTYPE declares entities (${names.join(', ')}${declarations.length > 5 ? ', …' : ''}): refused, entity declarations are never expanded`;
}
