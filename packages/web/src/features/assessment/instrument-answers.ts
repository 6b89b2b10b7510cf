import type { InstrumentCode, InstrumentDefinition } from '@kith/core';
import type { FormError } from '../../components/ErrorSummary';

/** The moment of a support episode an instrument measures, from the page's query. */
export interface EpisodeMoment {
  episodeId: string;
  moment?: 'start' | 'end';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?episodeId=…&moment=start|end`: anything else is left out, as the page then measures no episode. */
export function episodeMomentOf(params: URLSearchParams): EpisodeMoment | undefined {
  const episodeId = params.get('episodeId') ?? '';
  if (!UUID.test(episodeId)) return undefined;
  const moment = params.get('moment');
  return moment === 'start' || moment === 'end' ? { episodeId, moment } : { episodeId };
}

/** The page that records an instrument, measuring an episode's start or end when given one. */
export function instrumentPath(personId: string, code: InstrumentCode, measures?: EpisodeMoment): string {
  const params = new URLSearchParams();
  if (measures) params.set('episodeId', measures.episodeId);
  if (measures?.moment) params.set('moment', measures.moment);
  const search = params.toString();
  return `/people/${encodeURIComponent(personId)}/assessment/instruments/${code}${search ? `?${search}` : ''}`;
}

/** The id of a question's radios (its first radio), so an error summary can link to it. */
export const questionFieldId = (itemId: string) => `instrument-${itemId.replace(/_/g, '-')}`;

/** The id of one checklist entry's checkbox. */
export const entryFieldId = (entryId: string) => `instrument-entry-${entryId.replace(/_/g, '-')}`;

/** The form field name of a checklist: every ticked entry is sent under it. */
export const CHECKLIST_NAME = 'instrument-entries';

export type InstrumentAnswers = Record<string, number> | Record<string, string[]>;

/**
 * The answers a submitted form gives: each question's chosen option as its number, or the list
 * of checklist entries ticked. Every question must be answered: a score from fewer answers would
 * read lower than the person's true one, so an unanswered question is named, never skipped.
 */
export function readInstrumentForm(
  definition: InstrumentDefinition,
  form: FormData,
): { answers: InstrumentAnswers; problems?: undefined } | { answers?: undefined; problems: FormError[] } {
  if (definition.kind === 'checklist') {
    const ticked = form.getAll(CHECKLIST_NAME).map(String);
    return { answers: { [definition.answerKey]: definition.entries.filter((e) => ticked.includes(e.id)).map((e) => e.id) } };
  }
  const answers: Record<string, number> = {};
  const problems: FormError[] = [];
  const several = definition.items.length > 1;
  definition.items.forEach((item, index) => {
    const chosen = String(form.get(questionFieldId(item.id)) ?? '');
    const option = item.options.find((o) => String(o.value) === chosen);
    if (option) answers[item.id] = option.value;
    else problems.push({ fieldId: questionFieldId(item.id), message: several ? `Choose an answer to question ${index + 1}` : 'Choose an answer' });
  });
  return problems.length > 0 ? { problems } : { answers };
}

/**
 * Where the API's fields link to: `answers.<question>` to its radios, and `answers.<list>[i]` to
 * the checkbox of the i-th entry sent.
 */
export function instrumentFieldIds(definition: InstrumentDefinition, answers?: InstrumentAnswers): Record<string, string> {
  if (definition.kind === 'questions') return Object.fromEntries(definition.items.map((item) => [`answers.${item.id}`, questionFieldId(item.id)]));
  const first = definition.entries[0];
  const sent = (answers?.[definition.answerKey] ?? []) as string[];
  return {
    ...(first ? { [`answers.${definition.answerKey}`]: entryFieldId(first.id) } : {}),
    ...Object.fromEntries(sent.map((code, index) => [`answers.${definition.answerKey}[${index}]`, entryFieldId(code)])),
  };
}
