// Dates of references as a reader reads them: "5 March 2024", "March 2024", "2024".

/**
 * A reference's date (as `ReferenceMeta.date` keeps it: ISO 8601 as far as known) for people to
 * read: a day as "5 March 2024", a month as "March 2024", a year as "2024", in `locale` (a BCP 47 tag;
 * British English by default) through `Intl.DateTimeFormat`. A date with a time keeps the calendar day
 * it was written with ("2024-03-05T23:30:00-05:00" is 5 March, wherever the reader is); the time is
 * left out. Anything that is not such a date (free text a page gives, an impossible day such as
 * 2024-02-30, a range) is returned as given, trimmed. Never throws: an unknown locale falls back to
 * British English.
 */
export function displayDate(date: string, locale = 'en-GB'): string {
  const s = date.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/i.exec(s);
  if (!m) return s;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return s;
  const at = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  // Date.UTC maps years 0-99 to 1900-1999: set the year as written.
  at.setUTCFullYear(year);
  if (day !== undefined && at.getUTCDate() !== day) return s;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', ...(month !== undefined ? { month: 'long' } : {}), ...(day !== undefined ? { day: 'numeric' } : {}) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(at);
  }
}
