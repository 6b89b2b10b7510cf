/**
 * The shapes every standard assessment instrument shares, so that a web form can draw any of
 * them from the catalogue and the server can score any of them with one call.
 *
 * An instrument is either a set of questions, each answered with one option's value, or a
 * checklist (the electronic Frailty Index), answered with the list of entries present.
 */

/** Stable codes: stored with each completed assessment, so never renamed. */
export const INSTRUMENT_CODES = ['swemwbs', 'ucla3', 'ons_loneliness', 'ons4', 'barthel', 'phq9', 'gad7', 'cfs', 'efi'] as const;
export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

export function isInstrumentCode(code: unknown): code is InstrumentCode {
  return typeof code === 'string' && (INSTRUMENT_CODES as readonly string[]).includes(code);
}

export interface InstrumentOption {
  value: number;
  label: string;
  /** A longer explanation where the label alone is not enough to choose (Clinical Frailty Scale). */
  description?: string;
}

export interface InstrumentQuestion {
  /** The key of this question's answer in `answers`, and the field named when it is wrong. */
  id: string;
  text: string;
  options: readonly InstrumentOption[];
}

export interface InstrumentChecklistEntry {
  /** The code to send in the answer list when the entry is present. */
  id: string;
  text: string;
}

/**
 * `published`: the item text is the instrument's own words, reproduced as its licence allows.
 * `paraphrased`: the owner's wording is copyrighted or licensed; Kith shows a short description
 * of each item instead, and a service using the instrument shows the owner's wording from its
 * licensed copy. Scoring is the same either way.
 */
export type InstrumentWording = 'published' | 'paraphrased';

interface InstrumentBase {
  code: InstrumentCode;
  title: string;
  shortTitle: string;
  /** Authors, year and publication the scoring follows. */
  source: string;
  /** What a service must do, or may do, to use it (see docs/instruments.md). */
  licence: string;
  wording: InstrumentWording;
  /** What to read to the person, or what the assessor does, before the items. */
  instructions: string;
}

export interface QuestionnaireDefinition extends InstrumentBase {
  kind: 'questions';
  items: readonly InstrumentQuestion[];
}

export interface ChecklistDefinition extends InstrumentBase {
  kind: 'checklist';
  /** The key of the list in `answers`: `{ [answerKey]: ['code', ...] }`. */
  answerKey: string;
  entries: readonly InstrumentChecklistEntry[];
}

export type InstrumentDefinition = QuestionnaireDefinition | ChecklistDefinition;

/** A reading of a score in words: a stable code to store and count, a label to show. */
export interface InstrumentBand {
  code: string;
  label: string;
}

/** Something a person's answers mean must happen, said in plain words. */
export interface InstrumentFlag {
  code: string;
  message: string;
}

export interface InstrumentScore {
  /** What the number is: `total`, `metric`, `level`, or a question's id where each is read alone. */
  key: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** This score's own reading, where the instrument publishes one. */
  band: InstrumentBand | null;
}

export interface InstrumentResult {
  instrument: InstrumentCode;
  /** The headline score first. Empty when the answer is a category and not a number. */
  scores: InstrumentScore[];
  /** The headline reading; null where the instrument publishes none (SWEMWBS, ONS4). */
  band: InstrumentBand | null;
  flags: InstrumentFlag[];
}
