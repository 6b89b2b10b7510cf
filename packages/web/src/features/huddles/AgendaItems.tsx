import { AGENDA_ITEM_MINUTES, type AgendaItemView, type HuddleAgendaView } from '@kith/core';
import { useEffect, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { classes } from '../../components/classes';
import { ErrorMessage, errorFor, type FormError } from '../../components/ErrorSummary';
import { formatDate, formatNhsNumber } from '../../format';
import { useReorderAgenda, useSetItemMinutes } from './api';
import { moved, type Direction } from './agenda-order';
import { carriedText } from './labels';

interface AgendaItemsProps {
  agenda: HuddleAgendaView;
  /** The user may reorder and time the items (the chair, a standing member or a network lead), and the meeting is open. */
  arrange: boolean;
  errors: FormError[];
  failed: (errors: FormError[]) => void;
  /** Says what changed in the page's polite status message, leaving focus where it is. */
  said: (message: string) => void;
}

export const minutesId = (personId: string) => `minutes-${personId}`;
const moveId = (direction: Direction, personId: string) => `move-${direction}-${personId}`;
const nameOf = (item: AgendaItemView) => item.person?.name ?? 'Not shown to you';

/**
 * The agenda in order. Each item says who, why (every reason in words), how long it has waited
 * ("Carried over from 2 meetings"), and the time set aside. Arrangers move items with "Move up"
 * and "Move down" buttons (no dragging: WCAG 2.5.7), focus staying on the item moved.
 */
export function AgendaItems({ agenda, arrange, errors, failed, said }: AgendaItemsProps) {
  const { meeting } = agenda;
  const reorder = useReorderAgenda(meeting.seriesId, meeting.date);
  const [focus, setFocus] = useState<{ personId: string; direction: Direction }>();
  useEffect(() => {
    if (!focus) return;
    const other = focus.direction === 'up' ? 'down' : 'up';
    (document.getElementById(moveId(focus.direction, focus.personId)) ?? document.getElementById(moveId(other, focus.personId)))?.focus();
    setFocus(undefined);
  }, [focus, agenda]);

  function move(item: AgendaItemView, direction: Direction) {
    if (reorder.isPending) return;
    const order = moved(agenda.items.map((each) => each.personId), item.personId, direction);
    if (!order) return;
    reorder.mutate(order, {
      onSuccess: (updated) => {
        const place = updated.items.findIndex((each) => each.personId === item.personId) + 1;
        failed([]);
        said(`${nameOf(item)} moved ${direction} to number ${place} of ${updated.items.length}.`);
        setFocus({ personId: item.personId, direction });
      },
      onError: (error) => failed(formErrors(error)),
    });
  }

  return (
    <ol className="nhsuk-list kith-agenda-items">
      {agenda.items.map((item, index) => (
        <li className="kith-agenda-items__item" key={item.id}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
            {index + 1}. {nameOf(item)}
          </h3>
          <ItemFacts item={item} />
          {arrange ? <MinutesForm agenda={agenda} item={item} errors={errors} failed={failed} said={said} /> : item.minutes !== null && <p>Time set aside: {item.minutes} minutes</p>}
          {arrange && agenda.items.length > 1 && (
            <div className="kith-button-row">
              {index > 0 && (
                <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" id={moveId('up', item.personId)} onClick={() => move(item, 'up')}>
                  Move up<span className="nhsuk-u-visually-hidden"> {nameOf(item)}</span>
                </button>
              )}
              {index < agenda.items.length - 1 && (
                <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" id={moveId('down', item.personId)} onClick={() => move(item, 'down')}>
                  Move down<span className="nhsuk-u-visually-hidden"> {nameOf(item)}</span>
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function ItemFacts({ item }: { item: AgendaItemView }) {
  if (!item.person || !item.reasons) {
    return <p>You have no relationship with this person that opens their huddle notes, so who they are and why they are here is not shown to you.</p>;
  }
  // Carried over is said once, plainly, above the other reasons.
  const others = item.reasons.filter((reason) => reason.reason.kind !== 'carried_over');
  return (
    <>
      <p className="nhsuk-u-margin-bottom-2">
        NHS number {formatNhsNumber(item.person.nhsNumber)}, born {formatDate(item.person.dateOfBirth)} ({item.person.age})
      </p>
      {item.carriedCount > 0 && (
        <p className="nhsuk-u-margin-bottom-2">
          <strong>{carriedText(item.carriedCount)}</strong>
        </p>
      )}
      {others.length > 0 && (
        <>
          <p className="nhsuk-u-margin-bottom-1">{others.length === 1 ? `${item.carriedCount > 0 ? 'Also on' : 'On'} the agenda because:` : `${item.carriedCount > 0 ? 'Also on' : 'On'} the agenda because, most pressing first:`}</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {others.map((reason, index) => (
              <li key={index}>{reason.description}</li>
            ))}
          </ul>
        </>
      )}
      {item.reviewed && <p>Reviewed at this meeting.</p>}
    </>
  );
}

/** The time set aside for one item: 1 to 60 minutes, or empty for none. */
function MinutesForm({ agenda, item, errors, failed, said }: Omit<AgendaItemsProps, 'arrange'> & { item: AgendaItemView }) {
  const setMinutes = useSetItemMinutes(agenda.meeting.seriesId, agenda.meeting.date);
  const id = minutesId(item.personId);
  const error = errorFor(errors, id);
  const { min, max } = AGENDA_ITEM_MINUTES;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (setMinutes.isPending) return;
    const text = String(new FormData(event.currentTarget).get(id) ?? '').trim();
    const minutes = text === '' ? null : Number(text);
    if (minutes !== null && (!/^\d+$/.test(text) || minutes < min || minutes > max)) {
      return failed([{ fieldId: id, message: `Enter a whole number of minutes from ${min} to ${max} for ${nameOf(item)}, or leave it empty` }]);
    }
    setMinutes.mutate(
      { personId: item.personId, minutes },
      {
        onSuccess: (updated) => {
          failed([]);
          said(`${minutes === null ? 'No time is set aside' : `${minutes} minutes are set aside`} for ${nameOf(item)}. ${updated.plannedMinutes} minutes are planned in all.`);
        },
        onError: (problem) => failed(formErrors(problem, { minutes: id })),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="kith-inline-form">
      <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
        <label className="nhsuk-label" htmlFor={id}>
          Minutes set aside<span className="nhsuk-u-visually-hidden"> for {nameOf(item)}</span>
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {min} to {max}, or empty for none
        </div>
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <input
          className={classes('nhsuk-input nhsuk-input--width-2', error && 'nhsuk-input--error')}
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={item.minutes ?? ''}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        Set the time<span className="nhsuk-u-visually-hidden"> for {nameOf(item)}</span>
      </button>
    </form>
  );
}
