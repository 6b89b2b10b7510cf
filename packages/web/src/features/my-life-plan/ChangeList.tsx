import type { PlanChange } from '@kith/core';
import { changesByPart } from './plan-words';

/** What changed between two versions, under the part of the plan each change is in. */
export function ChangeList({ changes, level }: { changes: readonly PlanChange[]; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  if (changes.length === 0) return <p>Nothing that a reader of the plan could see was changed.</p>;
  return changesByPart(changes).map((group) => (
    <div key={group.part}>
      <Heading className="nhsuk-heading-s">{group.title}</Heading>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {group.changes.map((change, i) => (
          <li key={i}>{change.summary}</li>
        ))}
      </ul>
    </div>
  ));
}
