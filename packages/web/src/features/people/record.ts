import { useOutletContext, useParams } from 'react-router';
import type { PersonRecord, RecordOpening } from './types';

/** The parts of a person's record, each its own page under /people/:id. */
export const RECORD_SECTIONS = [
  { path: '', title: 'Personal details' },
  { path: 'summary', title: 'Summary' },
  { path: 'assessment', title: 'Assessment' },
  { path: 'plan', title: 'My Life plan' },
  { path: 'support', title: 'Support and visits' },
  { path: 'social-prescribing', title: 'Social prescribing' },
  { path: 'care-team', title: 'Care team' },
  { path: 'consent', title: 'Consent' },
  { path: 'entries', title: 'Record entries' },
  { path: 'referrals', title: 'Referrals' },
  { path: 'tasks', title: 'Tasks' },
  { path: 'huddle-notes', title: 'Huddle notes' },
  { path: 'timeline', title: 'Timeline' },
] as const;

export type RecordSectionPath = (typeof RECORD_SECTIONS)[number]['path'];

/** What the person page gives each section page below it. */
export interface PersonOutlet {
  person: PersonRecord;
  /** The record as its front page opened it (the plan, the latest on the timeline); null on the other pages. */
  opening: RecordOpening | null;
}

export function usePersonOutlet(): PersonOutlet {
  return useOutletContext<PersonOutlet>();
}

/** The id in /people/:id, for the section pages' own requests. */
export function usePersonId(): string {
  return useParams().id ?? '';
}

/** The key every query about one person starts with, so emergency access can refresh them all. */
export function personKey(id: string): readonly unknown[] {
  return ['people', 'record', id];
}

/**
 * "Care team – Mary Smith": the section first, so browser tabs and the history list tell the
 * pages apart. The person page and the section page both name it, so they agree.
 */
export function sectionTitle(path: RecordSectionPath, name: string): string {
  const section = RECORD_SECTIONS.find((s) => s.path === path);
  return path === '' || !section ? name : `${section.title} – ${name}`;
}

export function sectionPathOf(pathname: string, id: string): RecordSectionPath {
  // A page below a section (one section of the assessment) belongs to that section.
  const rest = pathname.slice(`/people/${encodeURIComponent(id)}`.length).replace(/^\/|\/$/g, '').split('/')[0];
  return RECORD_SECTIONS.find((s) => s.path === rest)?.path ?? '';
}
