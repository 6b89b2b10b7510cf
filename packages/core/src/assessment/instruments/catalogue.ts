/**
 * The catalogue of standard instruments and the one entry point that scores any of them.
 *
 * The web form draws an instrument from `INSTRUMENTS` (items, options, wording, source) and the
 * server scores what comes back with `scoreInstrument`, so both work from the same definition
 * and a form can never offer an answer the scorer refuses.
 */
import { z } from 'zod';
import { DomainError } from '../../errors.js';
import { BARTHEL, scoreBarthel } from './barthel.js';
import { CFS, scoreCfs } from './cfs.js';
import { EFI, scoreEfi } from './efi.js';
import { ONS_LONELINESS, UCLA3, scoreOnsLoneliness, scoreUcla3 } from './loneliness.js';
import { ONS4, scoreOns4 } from './ons4.js';
import { GAD7, PHQ9, scoreGad7, scorePhq9 } from './phq.js';
import { SWEMWBS, scoreSwemwbs } from './swemwbs.js';
import { INSTRUMENT_CODES, isInstrumentCode, type InstrumentCode, type InstrumentDefinition, type InstrumentResult } from './types.js';

export const INSTRUMENTS: Readonly<Record<InstrumentCode, InstrumentDefinition>> = {
  swemwbs: SWEMWBS,
  ucla3: UCLA3,
  ons_loneliness: ONS_LONELINESS,
  ons4: ONS4,
  barthel: BARTHEL,
  phq9: PHQ9,
  gad7: GAD7,
  cfs: CFS,
  efi: EFI,
};

const SCORERS: Readonly<Record<InstrumentCode, (answers: unknown) => InstrumentResult>> = {
  swemwbs: scoreSwemwbs,
  ucla3: scoreUcla3,
  ons_loneliness: scoreOnsLoneliness,
  ons4: scoreOns4,
  barthel: scoreBarthel,
  phq9: scorePhq9,
  gad7: scoreGad7,
  cfs: scoreCfs,
  efi: scoreEfi,
};

/** The instrument named by `code`, refusing an unknown code with the field `instrument`. */
export function instrumentOf(code: string): InstrumentDefinition {
  if (!isInstrumentCode(code)) throw DomainError.field('instrument', `Not a known instrument; use one of ${INSTRUMENT_CODES.join(', ')}`);
  return INSTRUMENTS[code];
}

/**
 * Checks `answers` against the instrument and scores them. Throws a DomainError naming the
 * exact field: `instrument` for an unknown code, `answers` when they are not an object,
 * `answers.<item>` for a missing, impossible or unknown answer, `answers.deficits[i]` for a bad
 * eFI code.
 */
export function scoreInstrument(code: string, answers: unknown): InstrumentResult {
  instrumentOf(code);
  return SCORERS[code as InstrumentCode](answers);
}

/**
 * The shape of a completed assessment as the API receives it. The answers are checked by
 * `scoreInstrument`, not here, so that each problem is named in the instrument's own terms.
 */
export const instrumentSubmissionSchema = z.object({
  instrument: z.enum(INSTRUMENT_CODES, { error: `Not a known instrument; use one of ${INSTRUMENT_CODES.join(', ')}` }),
  answers: z.unknown(),
});
export type InstrumentSubmission = z.infer<typeof instrumentSubmissionSchema>;
