/**
 * ORUK list responses. A v3 page is `{total_items, total_pages, page_number, size, first_page,
 * last_page, empty, contents}`; a v1 page is `{totalElements, totalPages, number, size, first,
 * last, content}`. Reading one finds its items and checks its header: a header that contradicts
 * itself (page 1 of 2 marked as the last page) makes a reader stop early or loop, so it is
 * reported, as a warning since the items themselves are unharmed.
 */
import { DomainError } from '../../errors.js';
import { type RawObject, isRawObject } from './fields.js';
import { type ProblemLog, itemPath } from './problems.js';
import type { OrukVersion } from './versions.js';

export interface FoundItem {
  raw: unknown;
  path: string;
}

export interface FoundItems {
  items: FoundItem[];
  /** The generation the list's shape shows, when it shows one. */
  version?: OrukVersion;
}

const V3_HEADER = { total_items: 'number', total_pages: 'number', page_number: 'number', size: 'number', first_page: 'boolean', last_page: 'boolean', empty: 'boolean' } as const;
const V1_HEADER = { totalElements: 'number', totalPages: 'number', number: 'number', size: 'number', first: 'boolean', last: 'boolean' } as const;

const itemsAt = (list: unknown[], base: string): FoundItem[] => list.map((raw, i) => ({ raw, path: itemPath(base, i) }));

/** The items of a page or a bare list, with the page's header checked; undefined for anything else. */
export function listItems(body: unknown, log: ProblemLog): FoundItems | undefined {
  if (Array.isArray(body)) return { items: itemsAt(body, '') };
  if (!isRawObject(body)) return undefined;
  if (Array.isArray(body.contents)) {
    checkHeader(body, V3_HEADER, log);
    checkV3Consistency(body, body.contents.length, log);
    return { items: itemsAt(body.contents, 'contents'), version: 'v3' };
  }
  if (Array.isArray(body.content)) {
    checkHeader(body, V1_HEADER, log);
    checkCount(body, 'totalElements', body.content.length, log);
    return { items: itemsAt(body.content, 'content'), version: 'v1' };
  }
  return undefined;
}

function checkHeader(page: RawObject, header: Record<string, 'number' | 'boolean'>, log: ProblemLog): void {
  const missing = Object.keys(header).filter((key) => page[key] === undefined);
  if (missing.length > 0) log.warning('', `The page header lacks ${missing.join(', ')}`);
  for (const [key, type] of Object.entries(header)) {
    const value = page[key];
    const fits = type === 'number' ? Number.isInteger(value) : typeof value === 'boolean';
    if (value !== undefined && !fits) log.warning(key, `Must be ${type === 'number' ? 'a whole number' : 'true or false'}`);
  }
}

const whole = (value: unknown): number | undefined => (Number.isInteger(value) ? (value as number) : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

function checkCount(page: RawObject, key: string, itemCount: number, log: ProblemLog): void {
  const total = whole(page[key]);
  if (total !== undefined && total < itemCount) log.warning(key, `Says ${total} in all, but this page alone holds ${itemCount}`);
}

function checkV3Consistency(page: RawObject, itemCount: number, log: ProblemLog): void {
  const [pageNumber, totalPages, totalItems] = [whole(page.page_number), whole(page.total_pages), whole(page.total_items)];
  checkCount(page, 'total_items', itemCount, log);
  if (totalItems !== undefined && totalPages !== undefined && totalItems > 0 && totalPages > totalItems) {
    log.warning('total_pages', `${totalPages} pages for ${totalItems} item${totalItems === 1 ? '' : 's'}`);
  }
  if (pageNumber !== undefined && totalPages !== undefined) {
    if (totalPages >= 1 && pageNumber > totalPages) log.warning('page_number', `Page ${pageNumber} of ${totalPages}`);
    const last = flag(page.last_page);
    if (last !== undefined && last !== pageNumber >= totalPages) log.warning('last_page', `Says ${last} on page ${pageNumber} of ${totalPages}`);
  }
  const first = flag(page.first_page);
  if (pageNumber !== undefined && first !== undefined && first !== (pageNumber === 1)) {
    log.warning('first_page', `Says ${first} on page ${pageNumber}`);
  }
  const empty = flag(page.empty);
  if (empty !== undefined && empty !== (itemCount === 0)) log.warning('empty', `Says ${empty} with ${itemCount} items`);
}

export interface PageRequest {
  /** From 1. */
  page: number;
  perPage: number;
  /** How many items match in all, across every page. */
  totalItems: number;
}

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/**
 * One page of an ORUK v3 list around items the caller has already picked. An empty result is
 * one empty page (not zero pages), so a reader that fetches page 1 of total_pages finds it.
 */
export function orukPage<T>(contents: T[], request: PageRequest): OrukPage<T> {
  const { page, perPage, totalItems } = request;
  if (!Number.isInteger(page) || page < 1) throw DomainError.field('page', 'Must be a whole number from 1');
  if (!Number.isInteger(perPage) || perPage < 1) throw DomainError.field('per_page', 'Must be a whole number from 1');
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
