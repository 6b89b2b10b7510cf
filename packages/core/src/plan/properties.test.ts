import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { StaffRole } from '../registry/roles.js';
import type { Goal, GoalAction, MyLifePlanContent, PlanAuthor, PlanComment, Statement } from './content.js';
import { diffPlans } from './diff.js';
import { planAsDraft, type DraftStatement, type MyLifePlanDraft } from './draft.js';
import { applyPlanEdit } from './edit.js';
import { isPersonsOwnWords, type PlanEditor } from './locks.js';
import { ACTION_DOERS, GOAL_DOMAINS, PLAN_SECTIONS, type PlanSection } from './sections.js';

const WORDS = ['I', 'like', 'my', 'garden', 'tea', 'Sunday', 'grandchildren', 'bus', 'walk', 'home', 'rescue pack'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const day = instant.map((i) => i.slice(0, 10));
const roles = fc.constantFrom<StaffRole[]>(['coordinator'], ['nurse'], ['gp'], ['volunteer'], ['coordinator', 'social_worker'], ['independent_living']);

const author: fc.Arbitrary<PlanAuthor> = fc.oneof(
  fc.constant({ kind: 'person' as const }),
  fc.record({ kind: fc.constant('staff' as const), staffId: fc.uuid(), name: fc.constantFrom('Sam Patel', 'Ada Okafor'), role: fc.constantFrom<StaffRole>('coordinator', 'nurse', 'gp') }),
);

/** Statements and goals are generated without ids, then numbered, so every id is unique. */
type Unnumbered = Omit<Statement, 'id' | 'comments'> & { comments: Omit<PlanComment, 'id'>[] };
const comment = fc.record({ text, by: author, at: instant });
const statement = fc.record({ text, personsOwnWords: fc.boolean(), writtenBy: author, writtenAt: instant, comments: fc.array(comment, { maxLength: 2 }) });
const action = fc.record(
  {
    description: text,
    who: fc.record({ kind: fc.constantFrom(...ACTION_DOERS), name: fc.constantFrom('Mary', 'David', 'Age UK lunch club'), staffId: fc.uuid() }, { requiredKeys: ['kind', 'name'] }),
    byWhen: day,
  },
  { requiredKeys: ['description', 'who'] },
);
const goal = fc.record({ domain: fc.constantFrom(...GOAL_DOMAINS), inMyWords: statement, actions: fc.array(action, { maxLength: 2 }) });
const sectionArbs = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, fc.array(statement, { maxLength: 3 })])) as Record<PlanSection, fc.Arbitrary<Unnumbered[]>>;

const plan: fc.Arbitrary<MyLifePlanContent> = fc
  .record({ ...sectionArbs, goals: fc.array(goal, { maxLength: 3 }), reviewDate: day })
  .map((shape) => {
    let n = 0;
    const id = () => `p-${++n}`;
    const numbered = (s: Unnumbered): Statement => ({ ...s, id: id(), comments: s.comments.map((c) => ({ ...c, id: id() })) });
    const sections = Object.fromEntries(PLAN_SECTIONS.map((s) => [s, shape[s].map(numbered)])) as Record<PlanSection, Statement[]>;
    const goals = shape.goals.map(
      (g): Goal => ({
        id: id(),
        domain: g.domain,
        inMyWords: { ...numbered(g.inMyWords), personsOwnWords: true },
        actions: g.actions.map((a): GoalAction => ({ ...a, id: id() })),
      }),
    );
    return { ...sections, goals, reviewDate: shape.reviewDate };
  });

const editor: fc.Arbitrary<PlanEditor> = fc.oneof(
  fc.constant({ kind: 'person' as const }),
  fc.record({ staffId: fc.uuid(), name: fc.constant('Jo Smith'), roles }),
);
const staff = fc.record({ staffId: fc.uuid(), name: fc.constant('Jo Smith'), roles });

const now = new Date('2028-01-01T09:00:00.000Z');
const noNewIds = () => {
  throw new Error('nothing new was expected');
};

/** Every statement keyed by the part it is in and its id, goals' words included. */
function statementsByKey(content: MyLifePlanContent): { key: string; s: Statement }[] {
  return [
    ...PLAN_SECTIONS.flatMap((section) => content[section].map((s) => ({ key: `${section}:${s.id}`, s }))),
    ...content.goals.map((g) => ({ key: `goals:${g.inMyWords.id}`, s: g.inMyWords as Statement })),
  ];
}

const ownWordsOf = (content: MyLifePlanContent) => statementsByKey(content).filter(({ s }) => isPersonsOwnWords(s));

describe('plan edits, for any plan', () => {
  it('change nothing when the plan is saved as it stands, by anyone', () => {
    fc.assert(
      fc.property(plan, editor, (previous, who) => {
        const next = applyPlanEdit({ previous, draft: planAsDraft(previous, 1), editor: who, now, newId: noNewIds });
        expect(next).toEqual(previous);
        expect(diffPlans(previous, next)).toEqual([]);
      }),
    );
  });

  /** What a member of staff might do to each statement: keep it, drop it, reword it, flip whose words it is, or comment. */
  type Edit = 'keep' | 'drop' | 'reword' | 'flip' | 'comment';
  // Mostly kept or commented on, so that many drafts are ones staff may save.
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { arbitrary: fc.constant<Edit>('keep'), weight: 12 },
    { arbitrary: fc.constant<Edit>('comment'), weight: 3 },
    { arbitrary: fc.constantFrom<Edit>('drop', 'reword', 'flip'), weight: 1 },
  );
  const edits = fc.array(edit, { minLength: 40, maxLength: 40 });

  function edited(draft: DraftStatement, edit: Edit, words: string): DraftStatement | null {
    if (edit === 'drop') return null;
    if (edit === 'reword') return { ...draft, text: `${draft.text} ${words}` };
    if (edit === 'flip') return { ...draft, personsOwnWords: !draft.personsOwnWords };
    if (edit === 'comment') return { ...draft, newComments: [{ text: words }] };
    return draft;
  }

  /** The plan as it stands with each statement edited in turn, and now and then a new statement added. */
  function staffDraft(previous: MyLifePlanContent, edits: readonly Edit[], words: string): MyLifePlanDraft {
    const draft = planAsDraft(previous, 1);
    let i = 0;
    const next = () => edits[i++ % edits.length]!;
    for (const section of PLAN_SECTIONS) {
      draft[section] = draft[section].flatMap((s) => edited(s, next(), words) ?? []);
      if (next() === 'comment') draft[section].push({ text: words, personsOwnWords: next() === 'flip', newComments: [] });
    }
    draft.goals = draft.goals.flatMap((g) => {
      const goalWords = edited(g.inMyWords, next(), words);
      return goalWords ? [{ ...g, inMyWords: { ...goalWords, personsOwnWords: true as const } }] : [];
    });
    return draft;
  }

  it('refuse any member of staff who drops, rewords or unmarks the person’s own words', () => {
    fc.assert(
      fc.property(plan, staff, edits, text, (previous, who, editList, words) => {
        const draft = staffDraft(previous, editList, words);
        const ownBefore = ownWordsOf(previous);
        const ownSent = new Map<string, DraftStatement>([
          ...PLAN_SECTIONS.flatMap((section) => draft[section].map((s): [string, DraftStatement] => [`${section}:${s.id}`, s])),
          ...draft.goals.map((g): [string, DraftStatement] => [`goals:${g.inMyWords.id}`, g.inMyWords]),
        ]);
        const touched = ownBefore.some(({ key, s }) => {
          const sent = ownSent.get(key);
          return sent === undefined || sent.text !== s.text || sent.personsOwnWords !== s.personsOwnWords;
        });
        fc.pre(touched);
        expect(() => applyPlanEdit({ previous, draft, editor: who, now, newId: () => 'new' })).toThrow(DomainError);
      }),
    );
  });

  it('keep the person’s own words exactly as they were, whatever a member of staff sends', () => {
    fc.assert(
      fc.property(plan, staff, edits, text, (previous, who, editList, words) => {
        let n = 0;
        let next: MyLifePlanContent;
        try {
          next = applyPlanEdit({ previous, draft: staffDraft(previous, editList, words), editor: who, now, newId: () => `new-${++n}` });
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('forbidden');
          return;
        }
        const after = new Map(statementsByKey(next).map(({ key, s }) => [key, s]));
        for (const { key, s } of ownWordsOf(previous)) {
          const kept = after.get(key);
          expect(kept).toMatchObject({ text: s.text, personsOwnWords: s.personsOwnWords, writtenBy: s.writtenBy, writtenAt: s.writtenAt });
          expect(kept!.comments.slice(0, s.comments.length)).toEqual(s.comments);
        }
      }),
    );
  });
});
