import { CONTACT_KIND_LABELS, CONTACT_KINDS } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Loading } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { formatDate, formatDateTime, todayIso } from '../../format';
import { SectionProblem } from '../people/SectionProblem';
import { dateErrorOf } from '../tasks/due-date';
import { useContacts, useRecordContact } from './api';
import { CONTACT_FIELD_IDS, CONTACT_IDS as IDS, readContactForm } from './contact-form';
import { dateParts } from './form-dates';
import type { ContactView, EpisodeView } from './types';

interface ContactsProps extends Feedback {
  personId: string;
  name: string;
  /** The person's episodes, open first, for the contact to belong to. */
  episodes: EpisodeView[];
  errors: FormError[];
}

const KIND_OPTIONS = CONTACT_KINDS.map((value) => ({ value, text: CONTACT_KIND_LABELS[value] }));

const episodeText = (episode: EpisodeView) =>
  `${episode.typeLabel}${episode.status === 'ended' && episode.endedOn ? `, ended ${formatDate(episode.endedOn)}` : ''}`;

/** Visits and contacts: a form to record one that has happened, and the list, newest first. */
export function ContactsSection({ personId, name, episodes, errors, succeeded, failed }: ContactsProps) {
  const contacts = useContacts(personId);
  const record = useRecordContact(personId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const form = event.currentTarget;
    const read = readContactForm(new FormData(form), new Date());
    if (!read.input) return failed(read.problems);
    record.mutate(read.input, {
      onSuccess: (contact) => {
        form.reset();
        succeeded(`The ${contact.kindLabel.toLowerCase()} on ${formatDateTime(contact.at)} is recorded.`);
      },
      onError: (error) => failed(formErrors(error, CONTACT_FIELD_IDS)),
    });
  }

  const dateError = dateErrorOf(errors, IDS.date);
  const episodeOptions = [...episodes.map((e) => ({ value: e.id, text: episodeText(e) })), { value: '', text: 'Not part of a support episode' }];
  const open = episodes.find((e) => e.status !== 'ended');
  return (
    <section aria-labelledby="contacts-heading">
      <h3 id="contacts-heading">Visits and contacts</h3>
      <h4>Record a visit or contact</h4>
      <form onSubmit={submit} noValidate>
        <Radios id={IDS.kind} legend="Type of contact" options={KIND_OPTIONS} inline error={errorFor(errors, IDS.kind)} />
        <DateInput id={IDS.date} legend="Date of the contact" hint="For example, 2 6 2026" defaultValue={dateParts(todayIso())} error={dateError?.message} errorParts={dateError?.dateParts} />
        <TextInput id={IDS.time} label="Time of the contact" hint="On the 24-hour clock, UK time, for example 14:30" width={5} autoComplete="off" spellCheck={false} error={errorFor(errors, IDS.time)} />
        <TextInput id={IDS.minutes} label="Time spent, in minutes" hint="For example, 45" inputMode="numeric" width={3} error={errorFor(errors, IDS.minutes)} />
        <Textarea id={IDS.note} label="Note" hint={`A short note of the contact with ${name}, up to 2,000 characters`} rows={3} error={errorFor(errors, IDS.note)} />
        {episodes.length > 0 && (
          <Select id={IDS.episode} label="Support episode" hint="The episode the contact was part of" options={episodeOptions} defaultValue={open?.id ?? ''} error={errorFor(errors, IDS.episode)} />
        )}
        <button className="nhsuk-button" type="submit">
          Record contact
        </button>
      </form>
      <h4>Contacts recorded</h4>
      {contacts.isPending && <Loading what="contacts" />}
      {contacts.isError && <SectionProblem error={contacts.error} />}
      {contacts.data && <ContactList contacts={contacts.data.contacts} notShared={contacts.data.notSharedCount} episodes={episodes} />}
    </section>
  );
}

function ContactList({ contacts, notShared, episodes }: { contacts: ContactView[]; notShared: number; episodes: EpisodeView[] }) {
  return (
    <>
      {notShared > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {notShared === 1
              ? '1 contact recorded by another organisation is not shown without consent to share.'
              : `${notShared} contacts recorded by other organisations are not shown without consent to share.`}
          </p>
        </div>
      )}
      {contacts.length === 0 ? (
        <p>No contacts are recorded.</p>
      ) : (
        <ul className="nhsuk-list kith-support-contacts">
          {contacts.map((contact) => {
            const episode = episodes.find((e) => e.id === contact.episodeId);
            return (
              <li key={contact.id} className="kith-support-contact">
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{contact.title}</strong>, {formatDateTime(contact.at)}
                </p>
                <p className="nhsuk-u-margin-bottom-1 kith-support-note">{contact.note}</p>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                  Recorded by {contact.recordedBy.name}
                  {contact.organisationName ? `, ${contact.organisationName}` : ''}
                  {episode ? `. Part of ${episodeText(episode)}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
