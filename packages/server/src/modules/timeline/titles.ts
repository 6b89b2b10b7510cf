/** Each timeline entry's title and detail in plain words, from the facts its source gave. */
import {
  ASSESSMENT_SECTIONS,
  EPISODE_CHANGE_LABELS,
  EPISODE_TYPE_LABELS,
  INSTRUMENTS,
  PLAN_AGREEMENT_METHOD_LABELS,
  REFERRAL_STATE_LABELS,
  type TimelineEntry,
  contactTitle,
  describeSocialPrescription,
} from '@kith/core';
import type { SourceRow } from './sources.js';

type Words = Pick<TimelineEntry, 'title' | 'detail'>;
type Facts = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const label = <K extends string>(labels: Readonly<Record<K, string>>, key: unknown) => labels[key as K] ?? text(key);

function assessment(f: Facts): Words {
  if (f.instrument) {
    const result = f.result as { scores?: { label: string; value: number }[]; band?: { label: string } | null };
    const headline = result.scores?.[0];
    const score = headline ? `: ${headline.value}${result.band ? ` (${result.band.label})` : ''}` : result.band ? `: ${result.band.label}` : '';
    const name = INSTRUMENTS[f.instrument as keyof typeof INSTRUMENTS]?.shortTitle ?? text(f.instrument);
    return { title: `${name} recorded${score}` };
  }
  const sections = (f.sections as string[]).map((id) => ASSESSMENT_SECTIONS.find((s) => s.id === id)?.title ?? id);
  return { title: `Assessment updated: ${sections.join(', ')}`, detail: `Version ${String(f.version)}` };
}

function planVersion(f: Facts): Words {
  if (f.agreedVersion !== undefined) {
    return { title: `Agreed My Life plan version ${String(f.agreedVersion)}`, detail: label(PLAN_AGREEMENT_METHOD_LABELS, f.how) };
  }
  return { title: `My Life plan version ${String(f.version)} saved` };
}

function referral(f: Facts): Words {
  const state = label(REFERRAL_STATE_LABELS, f.to);
  const title = f.from === null ? `Referred to ${text(f.network)}` : `Referral ${state.toLowerCase()}`;
  return { title, detail: text(f.note) || undefined };
}

const WORDS: Record<SourceRow['type'], (f: Facts) => Words> = {
  assessment,
  plan_version: planVersion,
  contact: (f) => ({ title: contactTitle({ kind: f.kind as never, minutes: Number(f.minutes) }), detail: text(f.note) }),
  referral,
  huddle_discussion: (f) => ({ title: `Discussed at ${text(f.huddle)}` }),
  task: (f) => ({ title: `Action: ${text(f.title)}`, detail: `Due ${text(f.dueOn)}` }),
  social_prescription: (f) => ({
    title: describeSocialPrescription({ kind: f.kind as never, state: f.to as never, serviceName: text(f.service), outcome: (f.outcome as never) ?? null }),
    detail: text(f.note) || undefined,
  }),
  episode: (f) => ({
    title: `${label(EPISODE_TYPE_LABELS, f.episodeType)}: ${f.change === 'created' ? 'episode opened' : label(EPISODE_CHANGE_LABELS, f.change).toLowerCase()}`,
  }),
};

export function entryOf(row: SourceRow): TimelineEntry {
  const words = WORDS[row.type](row.facts);
  return {
    id: row.id,
    type: row.type,
    at: row.at,
    title: words.title,
    ...(words.detail ? { detail: words.detail } : {}),
    ...(row.organisationId ? { organisationId: row.organisationId } : {}),
    ...(row.organisationName ? { organisationName: row.organisationName } : {}),
    ...(row.by ? { by: row.by } : {}),
  };
}
