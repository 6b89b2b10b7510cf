import { CONSENT_KIND_LABELS, CONSENT_KINDS, type ConsentMethod } from '@kith/core';
import type { RadioOption } from '../../components/Radios';

export const DECISION_LABELS: Record<'given' | 'withdrawn', string> = { given: 'Given', withdrawn: 'Withdrawn' };

export const METHOD_LABELS: Record<ConsentMethod, string> = {
  verbal: 'Verbally, in person or by phone',
  written: 'In writing',
  portal: 'Through the person’s own Kith account',
};

export const KIND_OPTIONS: RadioOption[] = CONSENT_KINDS.map((kind) => ({ value: kind, text: CONSENT_KIND_LABELS[kind] }));

export const DECISION_OPTIONS: RadioOption[] = [
  { value: 'given', text: 'Given', hint: 'For the national data opt-out: the person has registered it.' },
  { value: 'withdrawn', text: 'Withdrawn', hint: 'For the national data opt-out: the person has cancelled it.' },
];

export const METHOD_OPTIONS: RadioOption[] = (Object.keys(METHOD_LABELS) as ConsentMethod[]).map((method) => ({
  value: method,
  text: METHOD_LABELS[method],
}));

/** The current state of a consent, in words; nothing recorded is said plainly, never taken as "no". */
export function consentStateLabel(state: 'given' | 'withdrawn' | 'not_recorded'): string {
  return state === 'not_recorded' ? 'Not recorded' : DECISION_LABELS[state];
}
