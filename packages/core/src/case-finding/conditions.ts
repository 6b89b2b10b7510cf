/**
 * Which long-term conditions a person's coded diagnoses amount to (code-lists.ts holds the
 * lists). SNOMED CT concept ids match exactly; ICD-10 codes match by prefix once the dot,
 * spaces and any dagger or asterisk are removed and the letters are upper case, so "e11.9",
 * "E119" and "E11.9" are the same code, and the filler "X" of "J46X" still falls under "J46".
 */
import { CONDITION_CODE_LISTS, CONDITION_KEYS, type ConditionKey } from './code-lists.js';

export type CodeSystem = 'snomed' | 'icd10';

export interface CodedCondition {
  system: CodeSystem;
  code: string;
}

/** "I11.0" → "I110"; "j46x" → "J46X". */
export function normaliseIcd10(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** "C00-C43" → C00, C01, …, C43; a single entry is returned normalised. */
export function expandIcd10Entry(entry: string): string[] {
  const range = /^([A-Z])(\d\d)-([A-Z])(\d\d)$/.exec(entry.toUpperCase());
  if (!range) return [normaliseIcd10(entry)];
  const [, letter, from, toLetter, to] = range as unknown as [string, string, string, string, string];
  if (letter !== toLetter || Number(from) > Number(to)) throw new Error(`Bad ICD-10 range in a code list: ${entry}`);
  const categories: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) categories.push(`${letter}${String(n).padStart(2, '0')}`);
  return categories;
}

const SNOMED_INDEX: ReadonlyMap<string, readonly ConditionKey[]> = (() => {
  const index = new Map<string, ConditionKey[]>();
  for (const list of CONDITION_CODE_LISTS) {
    for (const { code } of list.snomed) index.set(code, [...(index.get(code) ?? []), list.key]);
  }
  return index;
})();

/** Normalised ICD-10 prefix → conditions; prefixes are 3 to 5 characters long. */
const ICD10_INDEX: ReadonlyMap<string, readonly ConditionKey[]> = (() => {
  const index = new Map<string, ConditionKey[]>();
  for (const list of CONDITION_CODE_LISTS) {
    for (const entry of list.icd10) {
      for (const prefix of expandIcd10Entry(entry)) index.set(prefix, [...(index.get(prefix) ?? []), list.key]);
    }
  }
  return index;
})();

const LONGEST_ICD10_PREFIX = Math.max(...[...ICD10_INDEX.keys()].map((p) => p.length));

/** The conditions one code belongs to (usually none or one). */
export function conditionsOfCode(coded: CodedCondition): ConditionKey[] {
  if (coded.system === 'snomed') return [...(SNOMED_INDEX.get(coded.code.trim()) ?? [])];
  const code = normaliseIcd10(coded.code);
  const found = new Set<ConditionKey>();
  for (let length = 3; length <= Math.min(code.length, LONGEST_ICD10_PREFIX); length++) {
    for (const key of ICD10_INDEX.get(code.slice(0, length)) ?? []) found.add(key);
  }
  return [...found];
}

/**
 * The long-term conditions among a person's codes, each once however many codes say it, in
 * the order of the code lists (so a person's reasons read the same whatever order their
 * records arrive in).
 */
export function conditionsOf(codes: readonly CodedCondition[]): Set<ConditionKey> {
  const found = new Set<ConditionKey>();
  for (const coded of codes) for (const key of conditionsOfCode(coded)) found.add(key);
  return new Set(CONDITION_KEYS.filter((key) => found.has(key)));
}

export const CONDITION_LABELS: Readonly<Record<ConditionKey, string>> = Object.fromEntries(
  CONDITION_CODE_LISTS.map((list) => [list.key, list.label]),
) as Record<ConditionKey, string>;

export function conditionLabel(key: ConditionKey): string {
  return CONDITION_LABELS[key];
}

/** "COPD", "COPD and asthma", "COPD, asthma or diabetes". */
export function listInWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
