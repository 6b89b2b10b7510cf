import { ENQUIRY_CHANNEL_LABELS, ENQUIRY_CHANNELS, ENQUIRY_TOPIC_LABELS, ENQUIRY_TOPICS } from '@kith/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { usePageTitle } from '../../components/usePageTitle';
import type { DirectorySearch } from '../directory/search';
import { usePersonSearch } from '../people/api';
import { fullName } from '../people/labels';
import { criteriaOf } from '../people/person-finder';
import type { PersonSearchCriteria } from '../people/search-criteria';
import { useLogEnquiry, useServiceSearch } from './api';
import { Checkbox } from '../../components/Checkbox';
import {
  FIND_FIELD_IDS,
  IDS,
  emptyEnquiry,
  enquiryFieldIds,
  problemsOf,
  readEnquiry,
  readFind,
  withReferable,
  withTopic,
  type ChosenServices,
  type EnquiryFormState,
  type ReferableService,
} from './form';
import { PersonSection } from './PersonSection';
import { ReferSection } from './ReferSection';
import { foundItems, SignpostSection } from './SignpostSection';
import type { LoggedEnquiry, PointOfAccess } from './types';
import { concernHint } from './words';

export const LOG_ENQUIRY_TITLE = 'Log an enquiry';

const CHANNEL_CHOICES = ENQUIRY_CHANNELS.map((channel) => ({ value: channel, text: ENQUIRY_CHANNEL_LABELS[channel] }));
const TOPIC_CHOICES = ENQUIRY_TOPICS.map((topic) => ({ value: topic, text: ENQUIRY_TOPIC_LABELS[topic] }));

interface EnquiryFormProps {
  points: PointOfAccess[];
  /** The point of access chosen before: a volunteer logging another stays at the same desk. */
  pointOfAccessId: string;
  /** After "Log another enquiry", focus starts at the top of the new form. */
  focusHeading: boolean;
  onLogged: (logged: LoggedEnquiry, chosen: ChosenServices, pointOfAccessId: string) => void;
}

/**
 * One enquiry, logged in under a minute: where, how they got in touch and what about are the only
 * questions that must be answered. Anonymous unless the person asks for it to be kept with their
 * record, with their consent.
 */
export function EnquiryForm({ points, pointOfAccessId, focusHeading, onLogged }: EnquiryFormProps) {
  const onlyPoint = points.length === 1 ? points[0] : undefined;
  const [state, setState] = useState<EnquiryFormState>(() => emptyEnquiry(onlyPoint?.id ?? pointOfAccessId));
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const [search, setSearch] = useState<DirectorySearch>();
  const found = useServiceSearch(search);
  const log = useLogEnquiry();

  // Services that take referrals directly, from every search so far: one chosen stays listed through later searches.
  const [referable, setReferable] = useState<ReferableService[]>([]);
  const [listed, setListed] = useState<typeof found.data>();
  const answer = found.isError ? undefined : found.data;
  if (answer && answer !== listed) {
    setListed(answer);
    setReferable((was) => withReferable(was, answer.items));
  }

  // The person, found by NHS number or name: one found is chosen at once.
  const [personCriteria, setPersonCriteria] = useState<PersonSearchCriteria>();
  const [personFindError, setPersonFindError] = useState<FormError>();
  const foundPeople = usePersonSearch({ criteria: personCriteria ?? {}, page: 1 }, personCriteria !== undefined);
  const [listedPeople, setListedPeople] = useState<typeof foundPeople.data>();
  if (foundPeople.data && foundPeople.data !== listedPeople) {
    setListedPeople(foundPeople.data);
    const [only, ...others] = foundPeople.data.items;
    if (only && others.length === 0) setState((was) => ({ ...was, person: { id: only.id, name: fullName(only) } }));
  }

  // A problem with the services links to the results when there are some, else to the search; so with the person.
  const servicesFieldId = foundItems(found).length > 0 ? IDS.services : IDS.findText;
  const personFieldId = (foundPeople.data?.items.length ?? 0) > 0 ? IDS.personChosen : IDS.personFind;
  const linkPoint = !onlyPoint;
  const fieldOptions = { linkPoint, servicesFieldId, personFieldId };
  const findErrors = useMemo(() => (found.isError ? problemsOf(found.error, FIND_FIELD_IDS) : []), [found.isError, found.error]);
  const errors = useMemo(() => [...formErrors, ...findErrors, ...(personFindError ? [personFindError] : [])], [formErrors, findErrors, personFindError]);
  usePageTitle(LOG_ENQUIRY_TITLE, errors.length > 0);

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  const point = points.find((one) => one.id === state.pointOfAccessId);
  const change = (next: Partial<EnquiryFormState>) => setState((was) => ({ ...was, ...next }));

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearch(readFind(new FormData(event.currentTarget)));
  }

  function findPerson(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { criteria, problem } = criteriaOf(String(new FormData(event.currentTarget).get(IDS.personFind) ?? ''));
    setPersonFindError(problem ? { fieldId: IDS.personFind, message: problem } : undefined);
    if (!criteria) return;
    // A new search chooses afresh: the person chosen before may not be among those found.
    change({ person: null });
    setPersonCriteria(criteria);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (log.isPending) return;
    const read = readEnquiry(state, fieldOptions);
    if (!read.value) return setFormErrors(read.problems);
    log.mutate(read.value, {
      onSuccess: (logged) =>
        onLogged(
          logged,
          { signposted: state.signposted, referredTo: state.referredTo, keptWith: state.personKind === 'linked' ? state.person : null },
          state.pointOfAccessId,
        ),
      // Refused, the form keeps everything typed and ticked, to put right and send again.
      onError: (error) => setFormErrors(problemsOf(error, enquiryFieldIds(fieldOptions))),
    });
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="kith-focus-target" tabIndex={-1} ref={heading}>
        {LOG_ENQUIRY_TITLE}
      </h1>
      <form onSubmit={submit} noValidate>
        {onlyPoint ? (
          <p>
            Point of access: <strong>{onlyPoint.name}</strong>
          </p>
        ) : (
          <ChoiceGroup
            id={IDS.point}
            type="radio"
            legend="Point of access"
            choices={points.map((one) => ({ value: one.id, text: one.name }))}
            chosen={[state.pointOfAccessId]}
            onChange={(id) => change({ pointOfAccessId: id })}
            error={errorFor(errors, IDS.point)}
          />
        )}
        <ChoiceGroup
          id={IDS.channel}
          type="radio"
          inline
          legend="How did they get in touch?"
          choices={CHANNEL_CHOICES}
          chosen={[state.channel]}
          onChange={(channel) => change({ channel })}
          error={errorFor(errors, IDS.channel)}
        />
        <ChoiceGroup
          id={IDS.topics}
          type="checkbox"
          legend="What was it about?"
          hint="Select all that apply"
          choices={TOPIC_CHOICES}
          chosen={state.topics}
          onChange={(topic, ticked) => setState((was) => ({ ...was, topics: withTopic(was.topics, topic, ticked) }))}
          revealFor={(topic) =>
            topic === 'other' && (
              <TextInput
                id={IDS.otherTopic}
                label="What else was it about?"
                width={30}
                autoComplete="off"
                value={state.otherTopic}
                onChange={(event) => change({ otherTopic: event.target.value })}
                error={errorFor(errors, IDS.otherTopic)}
              />
            )
          }
          error={errorFor(errors, IDS.topics)}
        />
        <Textarea
          id={IDS.advice}
          label="Advice given (optional)"
          hint="Do not write the person’s name, address, phone number or anything else that identifies them"
          rows={3}
          value={state.adviceGiven}
          onChange={(event) => change({ adviceGiven: event.target.value })}
          error={errorFor(errors, IDS.advice)}
        />

        <PersonSection
          linked={{ personKind: state.personKind, person: state.person, personConsent: state.personConsent, personConsentHow: state.personConsentHow }}
          onChange={change}
          searched={personCriteria !== undefined}
          found={foundPeople}
          errors={errors}
        />

        <SignpostSection
          search={search}
          found={found}
          signposted={state.signposted}
          onChange={(signposted) => change({ signposted })}
          errors={errors}
        />

        <ReferSection
          referable={referable}
          referral={{ referredTo: state.referredTo, referralConsent: state.referralConsent, referralConsentHow: state.referralConsentHow }}
          onChange={change}
          errors={errors}
        />

        <h2 className="nhsuk-heading-m">Safeguarding</h2>
        <Checkbox
          id={IDS.raiseConcern}
          label="Raise a safeguarding concern"
          hint="If someone is in immediate danger, call 999"
          checked={state.raiseConcern}
          onChange={(raiseConcern) => change({ raiseConcern })}
        >
          <Textarea
            id={IDS.concern}
            label="Describe the concern"
            hint={concernHint(point?.safeguardingLead)}
            rows={4}
            value={state.concern}
            onChange={(event) => change({ concern: event.target.value })}
            error={errorFor(errors, IDS.concern)}
          />
        </Checkbox>

        <button className="nhsuk-button" type="submit">
          Log enquiry
        </button>
      </form>
      {/* The searches' own forms: their inputs above name them, so "Find" and Enter in them search. */}
      <form id={IDS.findForm} onSubmit={find} noValidate />
      <form id={IDS.personFindForm} onSubmit={findPerson} noValidate />
    </>
  );
}
