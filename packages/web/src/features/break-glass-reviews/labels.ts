import { BREAK_GLASS_REVIEW_OUTCOME_LABELS, type BreakGlassGrantView } from '@kith/core';
import type { ReviewStatus } from './api';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  unreviewed: 'Not reviewed yet',
  reviewed: 'Reviewed',
  all: 'All',
};

export function statusOf(value: string | null): ReviewStatus {
  return value === 'reviewed' || value === 'all' ? value : 'unreviewed';
}

export function outcomeLabel(grant: BreakGlassGrantView): string | undefined {
  return grant.review ? BREAK_GLASS_REVIEW_OUTCOME_LABELS[grant.review.outcome] : undefined;
}

/** "Dr Asha Patel opened Jane Smith's record": how a grant is named in links and notices. */
export function grantInWords(grant: BreakGlassGrantView): string {
  return `${grant.staff.name}’s emergency access to ${grant.person.name}’s record`;
}
