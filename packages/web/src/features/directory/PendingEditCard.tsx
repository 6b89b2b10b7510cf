import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { SummaryList } from '../../components/SummaryList';
import { Textarea } from '../../components/Textarea';
import { formatDateTime } from '../../format';
import { servicePath } from './api';
import { isOutdated, noteFieldId, proposedChangeRows, rejectButtonId } from './review-words';
import type { PendingEdit } from './types';

export type Decision = 'approve' | 'reject';

interface PendingEditCardProps {
  edit: PendingEdit;
  /** While any decision is being sent, the buttons wait, so none is sent twice. */
  deciding: boolean;
  onDecide: (edit: PendingEdit, decision: Decision, note: string) => void;
}

/**
 * One proposed change: the service, who proposed it and when, what it would change, and the
 * decision. Once the listing has changed since, approving would be refused, so only rejecting is offered.
 */
export function PendingEditCard({ edit, deciding, onDecide }: PendingEditCardProps) {
  const headingId = `edit-${edit.id}-heading`;
  const outdated = isOutdated(edit);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    if (deciding || (decision !== 'approve' && decision !== 'reject')) return;
    const note = new FormData(event.currentTarget).get('note');
    onDecide(edit, decision, typeof note === 'string' ? note.trim() : '');
  };
  return (
    <section className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          <Link to={servicePath(edit.serviceId)}>{edit.serviceName}</Link>
        </h2>
        <p className="nhsuk-body-s">
          Proposed by {edit.proposedBy} on {formatDateTime(edit.proposedAt)}
        </p>
        <h3 className="nhsuk-heading-s">What would change</h3>
        <SummaryList rows={proposedChangeRows(edit.proposed)} />
        {outdated && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The listing has changed since this was proposed (it was at version {edit.basedOnVersion} and is now at version {edit.currentVersion}), so
              the change can no longer be approved. Reject it, and ask {edit.proposedBy} to check the listing again if it is still needed.
            </p>
          </div>
        )}
        <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
          <Textarea id={noteFieldId(edit)} name="note" label="Reason (optional)" hint="Say why if you reject the change" rows={3} />
          <div className="nhsuk-button-group">
            {!outdated && (
              <button className="nhsuk-button" type="submit" name="decision" value="approve" disabled={deciding}>
                Approve<span className="nhsuk-u-visually-hidden"> the change to {edit.serviceName}</span>
              </button>
            )}
            <button id={rejectButtonId(edit)} className="nhsuk-button nhsuk-button--secondary" type="submit" name="decision" value="reject" disabled={deciding}>
              Reject<span className="nhsuk-u-visually-hidden"> the change to {edit.serviceName}</span>
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
