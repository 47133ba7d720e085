/**
 * Instants as Java's java.time.Instant parses and prints them (JDK 17 ISO_INSTANT), for the
 * bundle's `anchor.blockTime` and the reasons that show it.
 */

/** A point in time: whole seconds since 1970-01-01T00:00:00Z and nanoseconds within the second. */
export interface Instant {
  seconds: number;
  nanos: number;
}

const SECONDS_PER_DAY = 86_400;

// year | month | day T hour : minute : second [. fraction] (Z | ±hh:mm[:ss]), case-insensitive
// T and Z. Years: four digits, or a sign with more digits ('-' also with four).
const INSTANT =
  /^(\d{4}|\+\d{5,10}|-\d{4,10})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{0,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/**
 * Parses `text` as Instant.parse does on JDK 17: an ISO-8601 date-time in UTC or with an offset
 * up to ±18:00 ("2026-11-28T18:00:00Z", "2026-11-28T19:00:00+01:00"), 0 to 9 fraction digits
 * (a lone '.' included), lowercase 't'/'z', 24:00:00 as the next midnight and a leap second
 * 23:59:60 read as 23:59:59.
 *
 * Unlike Java, instants more than 2^53-1 seconds (about 285 million years) from 1970 are refused,
 * as JavaScript numbers cannot hold their seconds exactly.
 *
 * @returns the instant, or null if Java would refuse `text` (or it is out of that range)
 */
export function parseInstant(text: string): Instant | null {
  const match = INSTANT.exec(text);
  if (match === null) {
    return null;
  }
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction] = match;
  const [offsetSign, offsetHours, offsetMinutes, offsetSeconds] = match.slice(8);
  const year = Number(yearText);
  if (/^-0+$/.test(yearText)) {
    return null; // Java refuses a negative zero year
  }
  const month = Number(monthText);
  const day = Number(dayText);
  let hour = Number(hourText);
  const minute = Number(minuteText);
  let second = Number(secondText);
  const nanos = Number((fraction ?? '').padEnd(9, '0'));
  let extraDays = 0;
  if (hour === 24 && minute === 0 && second === 0 && nanos === 0) {
    hour = 0;
    extraDays = 1;
  } else if (hour === 23 && minute === 59 && second === 60) {
    second = 59;
  }
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const offset =
    offsetSign === undefined
      ? 0
      : parseOffset(offsetSign, offsetHours, offsetMinutes, offsetSeconds);
  if (offset === null) {
    return null;
  }
  const days = daysFromCivil(year, month, day) + extraDays;
  const seconds = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset;
  return Number.isSafeInteger(seconds) ? { seconds, nanos } : null;
}

/** The offset in seconds east of UTC, or null beyond what ZoneOffset allows (±18:00). */
function parseOffset(
  sign: string,
  hoursText: string,
  minutesText: string,
  secondsText: string | undefined,
): number | null {
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  const seconds = Number(secondsText ?? '0');
  if (minutes > 59 || seconds > 59) {
    return null;
  }
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total > 18 * 3600) {
    return null;
  }
  return sign === '-' ? -total : total;
}

/**
 * `instant` as Instant.toString prints it: "2026-11-28T18:00:00Z", fraction digits in groups of
 * three only when not zero, years above 9999 with '+', years before 0 with '-'.
 */
export function formatInstant(instant: Instant): string {
  const days = Math.floor(instant.seconds / SECONDS_PER_DAY);
  const secondOfDay = instant.seconds - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  const yearText =
    year > 9999
      ? '+' + year
      : year < 0
        ? '-' + String(-year).padStart(4, '0')
        : String(year).padStart(4, '0');
  const time = [
    Math.floor(secondOfDay / 3600),
    Math.floor((secondOfDay % 3600) / 60),
    secondOfDay % 60,
  ]
    .map((n) => two(n))
    .join(':');
  return `${yearText}-${two(month)}-${two(day)}T${time}${fractionText(instant.nanos)}Z`;
}

/** Whether two instants are the same. */
export function sameInstant(a: Instant, b: Instant): boolean {
  return a.seconds === b.seconds && a.nanos === b.nanos;
}

/** ".SSS", ".SSSSSS" or ".SSSSSSSSS", the shortest that shows `nanos` exactly; "" for zero. */
function fractionText(nanos: number): string {
  if (nanos === 0) {
    return '';
  }
  const digits = String(nanos).padStart(9, '0');
  const length = nanos % 1_000_000 === 0 ? 3 : nanos % 1000 === 0 ? 6 : 9;
  return '.' + digits.slice(0, length);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether `year` of the proleptic Gregorian calendar is a leap year. */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian [year, month, day] of a day count since 1970-01-01. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
