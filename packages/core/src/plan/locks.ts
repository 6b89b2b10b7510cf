/**
 * Who may write what in a My Life plan.
 *
 * - The person's own words (marked `personsOwnWords`, or written by the person themselves) are
 *   theirs: no member of staff may change, unmark or remove them, including the one who
 *   recorded them. Staff answer with a comment. A goal is always in the person's words, so
 *   staff cannot remove a goal either: its progress is marked "changed" instead (progress.ts).
 * - Staff may record what the person said word for word as a new statement with
 *   `personsOwnWords` true. It stays attributed to them ("recorded by Sam Patel, in my own
 *   words") and is locked from then on, as if the person had typed it.
 * - In the clinical sections (CLINICAL_PLAN_SECTIONS) only staff with a clinical role may add,
 *   change or remove statements.
 * - The person may add, change and remove anything in their plan except what staff wrote in a
 *   clinical section, which they answer with a comment. What the person writes is always their
 *   own words, whatever the flag they send says.
 * - Anyone may comment anywhere.
 */
import { DomainError } from '../errors.js';
import type { StaffRole } from '../registry/roles.js';
import type { PlanAuthor, Statement } from './content.js';
import { isClinicalSection, mayWriteClinicalSections, PLAN_PART_TITLES, type PlanSection } from './sections.js';

/** Who is saving: a member of staff with the roles they hold, or the person through the portal. */
export type PlanEditor = { kind?: 'staff'; staffId: string; name: string; roles: readonly StaffRole[] } | { kind: 'person' };

export type PlanWrite = 'add' | 'change' | 'remove';

/**
 * How an editor's writing is attributed. A member of staff writes under a clinical role when
 * they hold one, since that is what opens the clinical sections; otherwise their first role.
 */
export function authorOf(editor: PlanEditor): PlanAuthor {
  if (editor.kind === 'person') return { kind: 'person' };
  const role = editor.roles.find((r) => mayWriteClinicalSections([r])) ?? editor.roles[0];
  if (role === undefined) throw new DomainError('forbidden', 'A member of staff with no role cannot write in a plan');
  return { kind: 'staff', staffId: editor.staffId, name: editor.name, role };
}

/** The person's own words: marked so, or written by the person themselves, whatever the mark says. */
export function isPersonsOwnWords(statement: Statement): boolean {
  return statement.personsOwnWords || statement.writtenBy.kind === 'person';
}

/** Why this editor may not make this write to a statement in this part of the plan; undefined when they may. */
export function statementRefusal(
  editor: PlanEditor,
  part: PlanSection | 'goals',
  write: PlanWrite,
  existing: Statement | undefined,
): string | undefined {
  const clinical = part !== 'goals' && isClinicalSection(part);
  const title = PLAN_PART_TITLES[part];
  if (editor.kind === 'person') {
    const staffWrote = existing !== undefined && existing.writtenBy.kind === 'staff' && !existing.personsOwnWords;
    return clinical && staffWrote ? `Only clinical staff can ${write} what they wrote in “${title}”. You can add a comment` : undefined;
  }
  if (existing !== undefined && isPersonsOwnWords(existing)) {
    return `These are the person’s own words: staff cannot ${write} them. You can add a comment`;
  }
  if (clinical && !mayWriteClinicalSections(editor.roles)) {
    return `Only clinical roles can ${write} statements in “${title}”. You can add a comment`;
  }
  return undefined;
}
