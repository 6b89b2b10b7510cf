/**
 * What importing a feed would change in the directory, worked out before anything is written:
 * which services are new, which changed (and in which fields), which are as they were, which the
 * feed no longer lists, and where another feed describes the same service differently. The
 * server writes the plan in one transaction; a person settles the conflicts.
 *
 * Records are keyed by (feed, id in that feed). Two feeds describe the same service when they
 * give it the same id (an aggregator republishing a provider's feed keeps its ids; HSDS ids are
 * UUIDs) or when someone has linked the two records as one service.
 */
import { DomainError } from '../../errors.js';
import { type FieldDisagreement, changedServiceFields, serviceDisagreements } from './compare.js';
import type { DirectorySource, DirectoryServiceRecord } from './model.js';

export interface DirectoryUpdate {
  before: DirectoryServiceRecord;
  after: DirectoryServiceRecord;
  changedFields: string[];
}

/** One field two feeds disagree on for the same service: the incoming feed's value and the other's. */
export interface DirectoryConflict {
  incoming: DirectorySource;
  other: DirectorySource;
  field: string;
  incomingValue: unknown;
  otherValue: unknown;
}

export interface DirectoryMergePlan {
  created: DirectoryServiceRecord[];
  updated: DirectoryUpdate[];
  unchanged: DirectoryServiceRecord[];
  /** Held from this feed but not in what came in; meaningful only when the whole feed came in. */
  absent: DirectoryServiceRecord[];
  conflicts: DirectoryConflict[];
}

export interface DirectoryMergeInput {
  feedId: string;
  incoming: readonly DirectoryServiceRecord[];
  existing: readonly DirectoryServiceRecord[];
  /** Records people have confirmed are one service, though their ids differ. */
  sameService?: readonly (readonly [DirectorySource, DirectorySource])[];
}

const keyOf = (source: DirectorySource): string => `${source.feedId}\u0000${source.sourceId}`;
const bySource = (a: DirectoryServiceRecord, b: DirectoryServiceRecord): number => (keyOf(a.source) < keyOf(b.source) ? -1 : 1);

function checkIncoming(input: DirectoryMergeInput): void {
  const seen = new Set<string>();
  for (const record of input.incoming) {
    if (record.source.feedId !== input.feedId) throw DomainError.field('incoming', `A record from feed "${record.source.feedId}" in an import of "${input.feedId}"`);
    if (seen.has(record.source.sourceId)) throw DomainError.field('incoming', `Service "${record.source.sourceId}" given twice`);
    seen.add(record.source.sourceId);
  }
}

/** The other feeds' records of the same service: the same id, or linked as one. */
function othersOf(record: DirectoryServiceRecord, others: readonly DirectoryServiceRecord[], links: Map<string, Set<string>>): DirectoryServiceRecord[] {
  const linked = links.get(keyOf(record.source)) ?? new Set<string>();
  return others.filter((o) => o.service.id === record.service.id || linked.has(keyOf(o.source)));
}

function linkMap(pairs: DirectoryMergeInput['sameService']): Map<string, Set<string>> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => links.set(a, (links.get(a) ?? new Set()).add(b));
  for (const [a, b] of pairs ?? []) {
    link(keyOf(a), keyOf(b));
    link(keyOf(b), keyOf(a));
  }
  return links;
}

const conflict = (incoming: DirectoryServiceRecord, other: DirectoryServiceRecord, d: FieldDisagreement): DirectoryConflict => ({
  incoming: incoming.source,
  other: other.source,
  field: d.field,
  incomingValue: d.ours,
  otherValue: d.theirs,
});

export function planDirectoryMerge(input: DirectoryMergeInput): DirectoryMergePlan {
  checkIncoming(input);
  const plan: DirectoryMergePlan = { created: [], updated: [], unchanged: [], absent: [], conflicts: [] };
  const ours = new Map(input.existing.filter((r) => r.source.feedId === input.feedId).map((r) => [r.source.sourceId, r]));
  const others = [...input.existing.filter((r) => r.source.feedId !== input.feedId)].sort(bySource);
  const links = linkMap(input.sameService);
  const incoming = [...input.incoming].sort(bySource);
  for (const after of incoming) {
    const before = ours.get(after.source.sourceId);
    const changed = before ? changedServiceFields(before.service, after.service) : [];
    if (!before) plan.created.push(after);
    else if (changed.length > 0) plan.updated.push({ before, after, changedFields: changed });
    else plan.unchanged.push(before);
    for (const other of othersOf(after, others, links)) {
      plan.conflicts.push(...serviceDisagreements(after.service, other.service).map((d) => conflict(after, other, d)));
    }
  }
  const arrived = new Set(incoming.map((r) => r.source.sourceId));
  plan.absent = [...ours.values()].filter((r) => !arrived.has(r.source.sourceId)).sort(bySource);
  return plan;
}
