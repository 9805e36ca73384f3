const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 822 §5.1 zones (military single letters are unreliable by RFC 1123's own account: read as UTC).
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

// "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 03 04:00 +0200", "Tuesday, 10 June 2003 04:00:00 EST".
const RFC_822 =
  /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;

// "2003-12-13T18:30:02Z", "2003-12-13T18:30:02.25+01:00", "2003-12-13 18:30", "2003-12-13".
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An RFC 822/1123 (RSS) or RFC 3339/ISO 8601 (Atom, JSON Feed, dc:date) date as ISO 8601 UTC, or
 * null when it is absent or not a real date. Deliberately strict: `Date.parse` accepts nonsense
 * ("Item 7" is a date to V8), and a wrong date is worse than none. A missing zone reads as UTC.
 */
export function parseFeedDate(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  return parseRfc822(text) ?? parseRfc3339(text);
}

function parseRfc822(text: string): string | null {
  const match = RFC_822.exec(text);
  if (match === null) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month < 0) return null;
  let year = Number(yearText);
  // RFC 822 two-digit years; RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx.
  if (yearText?.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  return build(year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0), 0, offset);
}

function parseRfc3339(text: string): string | null {
  const match = RFC_3339.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return build(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    milliseconds,
    offset,
  );
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric !== null) {
    const [, sign, hours, minutes] = numeric;
    const hoursNumber = Number(hours);
    const minutesNumber = Number(minutes ?? 0);
    if (hoursNumber > 23 || minutesNumber > 59) return null;
    return (sign === '-' ? -1 : 1) * (hoursNumber * 60 + minutesNumber);
  }
  const upper = zone.toUpperCase();
  if (Object.hasOwn(ZONE_OFFSET_MINUTES, upper)) return ZONE_OFFSET_MINUTES[upper] ?? 0;
  return /^[A-IK-Z]$/.test(upper) ? 0 : null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  milliseconds: number,
  offsetMinutes: number,
): string | null {
  // 60 allows a leap second, which Date folds into the next minute.
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const local = Date.UTC(year, month, day, hour, minute, second, milliseconds);
  // Date.UTC rolls 31 April over to 1 May: a day the month does not have is a broken date.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  const date = new Date(local - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
