/**
 * A service's page: its summary, every place it runs, how to contact it, who it is for, what it
 * costs and the languages it works in, as the feed described them, with Kith's own capacity,
 * referral mode and freshness beside them.
 */
import { DomainError, englandDate, toOrukService } from '@kith/core';
import type { Actor } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { mayEditDirectly } from './listing-edits.js';
import { type ListingPlace, type ListingRow, type ListingSummary, listingRowsQuery, summaryOf } from './listing-view.js';

export interface Listing extends ListingSummary {
  /** The whole description, not the summary's first lines. */
  description: string | null;
  places: ListingPlace[];
  contacts: { name: string | null; title: string | null; email: string | null; phones: string[] }[];
  phones: string[];
  /** The first phone number as it is held, without its description: what an edit changes. */
  phone: string | null;
  email: string | null;
  website: string | null;
  eligibility: { minimumAge: number | null; maximumAge: number | null; description: string | null };
  costs: string[];
  languages: string[];
  accessibility: string[];
  feedId: string;
  version: number;
  /** The directory organisation that runs it, for linking to a partner organisation. */
  organizationId: string | null;
  /** Whether the one reading may change it at once; otherwise their edit goes to review. */
  editsDirectly: boolean;
}

const phoneWords = (p: { number: string; description?: string }) => (p.description ? `${p.number} (${p.description})` : p.number);

function costWords(c: { option?: string; amount?: number; currency?: string; amount_description?: string }): string {
  const amount = c.amount === undefined ? undefined : c.amount === 0 ? 'Free' : `${c.currency === 'GBP' || !c.currency ? '£' : `${c.currency} `}${c.amount.toFixed(2)}`;
  return [c.option, amount, c.amount_description].filter(Boolean).join(': ');
}

export function listingOf(row: ListingRow, today: string, reader?: Actor): Listing {
  const service = row.document;
  return {
    ...summaryOf(row, today),
    description: service.description ?? null,
    places: row.places ?? [],
    contacts: service.contacts.map((c) => ({ name: c.name ?? null, title: c.title ?? null, email: c.email ?? null, phones: c.phones.map(phoneWords) })),
    phones: service.phones.map(phoneWords),
    phone: service.phones[0]?.number ?? null,
    email: service.email ?? null,
    website: service.url ?? null,
    eligibility: { minimumAge: service.minimum_age ?? null, maximumAge: service.maximum_age ?? null, description: service.eligibility_description ?? null },
    costs: service.cost_options.map(costWords).filter(Boolean),
    languages: service.languages.flatMap((l) => (l.name ?? l.code ? [l.name ?? l.code!] : [])),
    accessibility: service.service_at_locations.flatMap((sal) => sal.location.accessibility.flatMap((a) => [a.description ?? a.accessibility ?? ''].filter(Boolean))),
    feedId: row.feed_id,
    version: row.version,
    organizationId: row.organization_id,
    editsDirectly: reader ? mayEditDirectly(reader, row.partner_organisation_id) : false,
  };
}

async function listingRow(db: Db, id: string): Promise<ListingRow> {
  const [row] = await rowsOf<ListingRow>(db, listingRowsQuery([id]));
  if (!row) throw new DomainError('not_found', 'No directory service has this id');
  return row;
}

export async function readListing(db: Db, id: string, now: Date, reader?: Actor): Promise<Listing> {
  return listingOf(await listingRow(db, id), englandDate(now), reader);
}

/** The service as Open Referral UK's /services/{id} gives it, under Kith's id for it. */
export async function orukServiceOf(db: Db, id: string) {
  const row = await listingRow(db, id);
  return toOrukService({ ...row.document, id: row.id });
}
