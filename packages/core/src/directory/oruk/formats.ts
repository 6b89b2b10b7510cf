/**
 * The value formats Open Referral UK declares (JSON Schema `format`s and the data package's
 * types), as zod schemas. The directory model and the import share them, so a value the import
 * accepts is one the model accepts, and a stored service exports as valid ORUK.
 */
import { z } from 'zod';
import { isIsoDate } from '../../people/dates.js';

/**
 * An absolute URI (RFC 3986): a scheme, a colon, then no spaces. JSON Schema's `uri` format asks
 * no more, so "example_com" and "example/counselling" fail and "https://example.org" passes.
 */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
export const orukUriSchema = z.string().regex(ABSOLUTE_URI, 'Must be a full web address, such as https://example.org');

export const orukEmailSchema = z.email('Must be an email address');

export const orukDateSchema = z.string().refine(isIsoDate, 'Must be a date, YYYY-MM-DD');

/**
 * A time of day, HH:MM or HH:MM:SS, with the UTC offset HSDS asks for ("09:00Z", "09:00+01:00")
 * or without one, as most UK feeds write it (England's local time is then meant).
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
export const orukTimeSchema = z.string().regex(TIME, 'Must be a time, HH:MM or HH:MM:SS');

export const orukDateTimeSchema = z.iso.datetime({ offset: true, local: true, message: 'Must be a date and time, ISO 8601' });

export const RECURRENCE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type RecurrenceWeekday = (typeof RECURRENCE_WEEKDAYS)[number];

/** RFC 5545 BYDAY: "MO,TU"; in a monthly rule each day may carry its week, "2MO" or "-1FR". */
const BYDAY = /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/;
export const orukBydaySchema = z.string().regex(BYDAY, 'Must be days of the week such as MO,TU or 2MO');

/** BYMONTHDAY, BYWEEKNO, BYYEARDAY: comma-separated whole numbers, negative counting from the end. */
const NUMBER_LIST = /^-?\d{1,3}(,-?\d{1,3})*$/;
export const orukNumberListSchema = z.string().regex(NUMBER_LIST, 'Must be whole numbers separated by commas');

/** ISO 4217: three capital letters; Open Referral UK expects GBP. */
export const orukCurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'Must be a currency code such as GBP');

export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);
