/**
 * The shared timeline on a person's record: every organisation sees the same story (within what
 * the person consented to and each role may see, which the access gate settles before anything
 * reaches here). Entries come from several sources, each already newest first; this merges them,
 * filters by type and organisation, and pages with a cursor.
 *
 * Order: newest first by instant, and for two entries at the same instant by id, descending; the
 * SQL equivalent is `ORDER BY at DESC, id DESC`. The cursor names the last entry shown
 * (`<instant>~<id>`), so the next page starts strictly after it even when several entries share
 * an instant. A bare instant as the cursor means "everything before this time".
 */
import { z } from 'zod';

export const TIMELINE_ENTRY_TYPES = ['assessment', 'plan_version', 'contact', 'referral', 'huddle_discussion', 'task', 'episode', 'social_prescription'] as const;
export type TimelineEntryType = (typeof TIMELINE_ENTRY_TYPES)[number];

export const TIMELINE_ENTRY_TYPE_LABELS: Readonly<Record<TimelineEntryType, string>> = {
  assessment: 'Assessment',
  plan_version: 'My Life plan',
  contact: 'Visit or contact',
  referral: 'Referral',
  huddle_discussion: 'Huddle discussion',
  task: 'Action',
  episode: 'Support episode',
  social_prescription: 'Social prescribing',
};

export const TIMELINE_LIMIT = { default: 50, min: 1, max: 200 } as const;

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.enum(TIMELINE_ENTRY_TYPES),
  at: z.iso.datetime({ offset: true }),
  title: z.string(),
  detail: z.string().optional(),
  organisationId: z.string().optional(),
  organisationName: z.string().optional(),
  /** Who recorded it, by name. */
  by: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  /** The cursor for the next, older page, or null when there is none. */
  nextBefore: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

export interface TimelineCursor {
  /** Milliseconds since 1970 of the last entry shown. */
  atMs: number;
  /** Its id; absent for a bare instant, which excludes every entry at that instant. */
  id?: string;
}

const typesList = z
  .union([z.string(), z.array(z.string())], 'Give the types as a comma-separated list')
  .transform((value, ctx) => {
    const words = (Array.isArray(value) ? value.join(',') : value).split(',').map((w) => w.trim()).filter(Boolean);
    const unknown = words.filter((w) => !(TIMELINE_ENTRY_TYPES as readonly string[]).includes(w));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Unknown type ${unknown.join(', ')}: choose from ${TIMELINE_ENTRY_TYPES.join(', ')}` });
      return z.NEVER;
    }
    return words.length === 0 ? undefined : [...new Set(words as TimelineEntryType[])];
  });

const CURSOR = /^([^~]+)(?:~([^~]{1,200}))?$/;

const cursor = z.string('Must be a cursor from the previous page').transform((value, ctx): TimelineCursor => {
  const match = CURSOR.exec(value);
  const at = match?.[1];
  if (!at || !z.iso.datetime({ offset: true }).safeParse(at).success) {
    ctx.addIssue({ code: 'custom', message: 'Must be a cursor from the previous page, or a date and time' });
    return z.NEVER;
  }
  return match[2] === undefined ? { atMs: Date.parse(at) } : { atMs: Date.parse(at), id: match[2] };
});

/** The timeline's query string: `types=contact,task&organisationId=…&before=…&limit=50`. */
export const timelineFilterSchema = z.strictObject({
  types: typesList.optional(),
  organisationId: z.uuid('Must be an organisation id').optional(),
  before: cursor.optional(),
  limit: z.coerce
    .number('Give a number')
    .int('Give a whole number')
    .min(TIMELINE_LIMIT.min, `Give ${TIMELINE_LIMIT.min} or more`)
    .max(TIMELINE_LIMIT.max, `Give ${TIMELINE_LIMIT.max} or fewer`)
    .default(TIMELINE_LIMIT.default),
});
export type TimelineFilterInput = z.input<typeof timelineFilterSchema>;
export type TimelineFilter = z.output<typeof timelineFilterSchema>;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes first on the timeline (is newer), as Array.sort expects. */
export function compareTimelineEntries(a: Pick<TimelineEntry, 'at' | 'id'>, b: Pick<TimelineEntry, 'at' | 'id'>): number {
  return Date.parse(b.at) - Date.parse(a.at) || byId(b.id, a.id);
}

/** The cursor that continues after this entry, at UTC so it needs no escaping in a query string. */
export function timelineCursorOf(entry: Pick<TimelineEntry, 'at' | 'id'>): string {
  return `${new Date(entry.at).toISOString()}~${entry.id}`;
}

/** True when the entry comes after the cursor, so belongs on the page it starts. */
function afterCursor(entry: TimelineEntry, before: TimelineCursor | undefined): boolean {
  if (before === undefined) return true;
  const atMs = Date.parse(entry.at);
  if (atMs !== before.atMs) return atMs < before.atMs;
  return before.id !== undefined && entry.id < before.id;
}

function matches(entry: TimelineEntry, filter: TimelineFilter): boolean {
  if (filter.types !== undefined && !filter.types.includes(entry.type)) return false;
  if (filter.organisationId !== undefined && entry.organisationId !== filter.organisationId) return false;
  return afterCursor(entry, filter.before);
}

/** The index of the list whose next entry is newest, or -1 when every list is spent. */
function newestHead(lists: readonly (readonly TimelineEntry[])[], heads: number[]): number {
  let best = -1;
  for (let i = 0; i < lists.length; i++) {
    const entry = lists[i]![heads[i]!];
    if (entry === undefined) continue;
    if (best === -1 || compareTimelineEntries(entry, lists[best]![heads[best]!]!) < 0) best = i;
  }
  return best;
}

/**
 * One page of the timeline from lists each already in timeline order (newest first): merged,
 * filtered, at most `limit` entries, and the cursor for the next page when more match.
 */
export function mergeTimeline(lists: readonly (readonly TimelineEntry[])[], filter: TimelineFilter): TimelinePage {
  const heads = lists.map(() => 0);
  const entries: TimelineEntry[] = [];
  for (let i = newestHead(lists, heads); i !== -1; i = newestHead(lists, heads)) {
    const entry = lists[i]![heads[i]!]!;
    heads[i] = heads[i]! + 1;
    if (!matches(entry, filter)) continue;
    // One more than the page shows says whether another page follows.
    if (entries.length === filter.limit) return { entries, nextBefore: timelineCursorOf(entries.at(-1)!) };
    entries.push(entry);
  }
  return { entries, nextBefore: null };
}
