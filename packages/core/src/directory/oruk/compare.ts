/**
 * A service's fields in a form two descriptions of it can be compared by: each field once,
 * collections compared as sets, and identifiers left aside. Ids are each feed's own (two feeds
 * describing one service mint different ids for its schedules), and a feed that re-mints them on
 * every export has not changed the service, so only what the fields say is compared.
 */
import type { DirectoryService } from './model.js';
import { SERVICE_COLLECTIONS } from './model.js';
import type { OrukAttribute } from './model-parts.js';

const isIdentifier = (key: string): boolean => key === 'id' || key.endsWith('_id');

/** Keys sorted, identifiers dropped, lists sorted: equal meaning gives equal JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => ({ item: canonical(item), json: JSON.stringify(canonical(item)) }));
    return items.sort((a, b) => (a.json < b.json ? -1 : a.json > b.json ? 1 : 0)).map((i) => i.item);
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key, v]) => !isIdentifier(key) && v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => [key, canonical(v)]));
}

/** A classification is the term it names: by its vocabulary and code or words when known, else by its id. */
function attributeMeaning(attribute: OrukAttribute): unknown {
  const term = attribute.taxonomy_term;
  const named = term ? { taxonomy: term.taxonomy, code: term.code, term: term.term, name: term.name } : { taxonomy_term_id: attribute.taxonomy_term_id };
  return { ...named, link_type: attribute.link_type, label: attribute.label, value: attribute.value };
}

function put(fields: Map<string, string>, name: string, value: unknown): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
  fields.set(name, JSON.stringify(value));
}

/** Each field the directory models, by name (`description`, `organization.name`, `schedules`), as canonical JSON. */
export function comparableServiceFields(service: DirectoryService): Map<string, string> {
  const fields = new Map<string, string>();
  const collections = new Set<string>(SERVICE_COLLECTIONS);
  for (const [key, value] of Object.entries(service)) {
    if (isIdentifier(key) || key === 'organization' || collections.has(key)) continue;
    put(fields, key, value);
  }
  for (const [key, value] of Object.entries(service.organization ?? {})) {
    if (!isIdentifier(key)) put(fields, `organization.${key}`, canonical(value));
  }
  for (const key of SERVICE_COLLECTIONS) {
    const items = key === 'attributes' ? service.attributes.map(attributeMeaning) : service[key];
    put(fields, key, canonical(items));
  }
  return fields;
}

/** The fields whose values differ, or that one has and the other does not, in name order. */
export function changedServiceFields(before: DirectoryService, after: DirectoryService): string[] {
  const [a, b] = [comparableServiceFields(before), comparableServiceFields(after)];
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

export interface FieldDisagreement {
  field: string;
  ours: unknown;
  theirs: unknown;
}

/** The fields both describe and describe differently; one saying nothing is not a disagreement. */
export function serviceDisagreements(ours: DirectoryService, theirs: DirectoryService): FieldDisagreement[] {
  const [a, b] = [comparableServiceFields(ours), comparableServiceFields(theirs)];
  return [...a.entries()]
    .filter(([name, value]) => b.has(name) && b.get(name) !== value)
    .map(([name, value]) => ({ field: name, ours: JSON.parse(value) as unknown, theirs: JSON.parse(b.get(name) ?? 'null') as unknown }))
    .sort((x, y) => (x.field < y.field ? -1 : 1));
}
