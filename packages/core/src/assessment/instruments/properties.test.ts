/**
 * Properties over every instrument: any complete in-range set of answers scores within the
 * published range, and any missing, out-of-range, non-whole or wrongly typed answer is refused
 * naming exactly that question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { EFI_DEFICIT_CODES, INSTRUMENTS, scoreInstrument, type InstrumentCode, type QuestionnaireDefinition } from './index.js';

/** The published range of each instrument's headline score, written out from the sources. */
const PUBLISHED_RANGE: Readonly<Partial<Record<InstrumentCode, readonly [number, number]>>> = {
  swemwbs: [7, 35],
  ucla3: [3, 9],
  ons4: [0, 10],
  barthel: [0, 20],
  phq9: [0, 27],
  gad7: [0, 21],
  cfs: [1, 9],
};

const QUESTIONNAIRES = Object.values(INSTRUMENTS).filter((instrument): instrument is QuestionnaireDefinition => instrument.kind === 'questions');

function validAnswers(instrument: QuestionnaireDefinition): fc.Arbitrary<Record<string, number>> {
  return fc.record(Object.fromEntries(instrument.items.map((item) => [item.id, fc.constantFrom(...item.options.map((option) => option.value))])));
}

/** The field named by the DomainError `run` throws; fails the property if it throws nothing. */
function refusedField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems[0]!.field;
    throw error;
  }
  throw new Error('Expected the answers to be refused');
}

const notWhole = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const notANumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer()), fc.object());

const CASES = QUESTIONNAIRES.map((instrument): [InstrumentCode, QuestionnaireDefinition] => [instrument.code, instrument]);

describe.each(CASES)('%s, for any answers', (code, instrument) => {
  const ids = instrument.items.map((item) => item.id);
  const pickItem = fc.integer({ min: 0, max: instrument.items.length - 1 });

  it('scores every complete in-range set within the published range', () => {
    fc.assert(
      fc.property(validAnswers(instrument), (answers) => {
        const result = scoreInstrument(code, answers);
        expect(result.instrument).toBe(code);
        for (const score of result.scores) {
          expect(score.value).toBeGreaterThanOrEqual(score.min);
          expect(score.value).toBeLessThanOrEqual(score.max);
        }
        if (code === 'ons_loneliness') {
          expect(result.band).not.toBeNull();
          return;
        }
        const [min, max] = PUBLISHED_RANGE[code]!;
        const headline = result.scores[0]!;
        expect([headline.min, headline.max]).toEqual([min, max]);
        expect(headline.value).toBeGreaterThanOrEqual(min);
        expect(headline.value).toBeLessThanOrEqual(max);
        expect(Number.isFinite(headline.value)).toBe(true);
      }),
    );
  });

  it('refuses an out-of-range whole number, naming that question', () => {
    const outside = (index: number) => {
      const values = instrument.items[index]!.options.map((option) => option.value);
      return fc.oneof(fc.integer({ max: Math.min(...values) - 1 }), fc.integer({ min: Math.max(...values) + 1 }));
    };
    fc.assert(
      fc.property(validAnswers(instrument), pickItem.chain((index) => fc.tuple(fc.constant(index), outside(index))), (answers, [index, bad]) => {
        expect(refusedField(() => scoreInstrument(code, { ...answers, [ids[index]!]: bad }))).toBe(`answers.${ids[index]}`);
      }),
    );
  });

  it('refuses a number that is not whole, naming that question', () => {
    fc.assert(
      fc.property(validAnswers(instrument), pickItem, notWhole, (answers, index, bad) => {
        expect(refusedField(() => scoreInstrument(code, { ...answers, [ids[index]!]: bad }))).toBe(`answers.${ids[index]}`);
      }),
    );
  });

  it('refuses an answer that is not a number at all, naming that question', () => {
    fc.assert(
      fc.property(validAnswers(instrument), pickItem, notANumber, (answers, index, bad) => {
        expect(refusedField(() => scoreInstrument(code, { ...answers, [ids[index]!]: bad }))).toBe(`answers.${ids[index]}`);
      }),
    );
  });

  it('refuses a missing answer, naming the first question missing', () => {
    fc.assert(
      fc.property(validAnswers(instrument), fc.uniqueArray(pickItem, { minLength: 1 }), (answers, missing) => {
        const partial = { ...answers };
        for (const index of missing) delete partial[ids[index]!];
        expect(refusedField(() => scoreInstrument(code, partial))).toBe(`answers.${ids[Math.min(...missing)]}`);
      }),
    );
  });
});

describe('efi, for any list of deficits', () => {
  const present = fc.shuffledSubarray([...EFI_DEFICIT_CODES]);

  it('scores any set of known deficits as its count over 36, from 0 to 1, in the category its count falls in', () => {
    fc.assert(
      fc.property(present, (deficits) => {
        const result = scoreInstrument('efi', { deficits });
        const [index, count] = result.scores;
        expect(count!.value).toBe(deficits.length);
        expect(index!.value).toBe(deficits.length / 36);
        expect(index!.value).toBeGreaterThanOrEqual(0);
        expect(index!.value).toBeLessThanOrEqual(1);
        const fraction = deficits.length / 36;
        const expected = fraction <= 0.12 ? 'fit' : fraction <= 0.24 ? 'mild' : fraction <= 0.36 ? 'moderate' : 'severe';
        expect(result.band!.code).toBe(expected);
      }),
    );
  });

  it('refuses a repeated deficit, naming the repeat', () => {
    fc.assert(
      fc.property(present.filter((list) => list.length > 0), fc.nat(), (deficits, pick) => {
        const repeat = deficits[pick % deficits.length]!;
        expect(refusedField(() => scoreInstrument('efi', { deficits: [...deficits, repeat] }))).toBe(`answers.deficits[${deficits.length}]`);
      }),
    );
  });

  it('refuses a code that is not a deficit, naming its place', () => {
    const unknown = fc.oneof(
      fc.string().filter((code) => !EFI_DEFICIT_CODES.includes(code)),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(present, unknown, fc.nat(), (deficits, bad, at) => {
        const place = at % (deficits.length + 1);
        const list: unknown[] = [...deficits.slice(0, place), bad, ...deficits.slice(place)];
        expect(refusedField(() => scoreInstrument('efi', { deficits: list }))).toBe(`answers.deficits[${place}]`);
      }),
    );
  });
});
