/**
 * The building blocks every contract file shares: bounded text, timestamps, http(s)
 * URLs and the customer action. Kept apart from the schemas so that schemas.ts and
 * export.ts can both use them without importing each other.
 */
import * as z from 'zod/mini';

export const text = (max = 2048) => z.string().check(z.minLength(1), z.maxLength(max));

// Timestamps and URLs are checked by small functions: z.iso.datetime and z.url would
// bring zod's whole ISO family and URL machinery into the browser bundle. They accept
// what z.iso.datetime({ offset: true }) and z.url({ protocol: /^https?$/ }) accept (a
// test compares them); the JSON Schema keeps `date-time` (with the pattern) and `uri`.

/** RFC 3339 with seconds and a `Z` or `±hh:mm` offset; fractions of a second allowed. */
const DATE_TIME = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** False for days the calendar lacks: 31 April, 30 February, 29 February outside leap years. */
function onCalendar(m: RegExpExecArray): boolean {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return Number(m[3]) <= days;
}

export const timestamp = z.stringFormat('datetime', DATE_TIME).check((ctx) => {
  const m = DATE_TIME.exec(ctx.value);
  if (m && !onCalendar(m)) ctx.issues.push({ code: 'invalid_format', format: 'datetime', input: ctx.value });
});

/** An absolute URL written as `http://` or `https://`, once surrounding space is trimmed. */
function isHttpUrl(value: string): boolean {
  const url = value.trim();
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** Parses to the trimmed text without tabs and line breaks, which URL parsing drops too. */
export const httpUrl = () =>
  z.stringFormat('url', isHttpUrl).check((ctx) => {
    ctx.value = ctx.value.trim().replace(/[\t\n\r]/g, '');
  });

/** An action the customer takes at the provider or in the host, shown verbatim. */
export const ActionSchema = z.object({
  label: text(500),
  url: z.optional(httpUrl()),
});
export type Action = z.infer<typeof ActionSchema>;
