import { useState } from 'react';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { useMyPointsOfAccess } from './api';
import { EnquiryForm, LOG_ENQUIRY_TITLE } from './EnquiryForm';
import { EnquiryLogged } from './EnquiryLogged';
import type { ChosenServices } from './form';
import type { LoggedEnquiry } from './types';

interface Logged {
  logged: LoggedEnquiry;
  chosen: ChosenServices;
}

/**
 * Volunteer mode: log an enquiry made at a point of access, then the next. Each new enquiry starts
 * from an empty form (a new key), at the point of access the last one was logged at.
 */
export function LogEnquiryPage() {
  const points = useMyPointsOfAccess();
  const [logged, setLogged] = useState<Logged>();
  const [round, setRound] = useState(0);
  const [pointOfAccessId, setPointOfAccessId] = useState('');

  if (points.isPending) return <Waiting />;
  if (points.isError) return <ServiceProblem />;
  if (points.data.length === 0) return <NotSetUp />;
  if (logged) {
    return (
      <EnquiryLogged
        logged={logged.logged}
        chosen={logged.chosen}
        onAnother={() => {
          setLogged(undefined);
          setRound((was) => was + 1);
        }}
      />
    );
  }
  return (
    <EnquiryForm
      key={round}
      points={points.data}
      pointOfAccessId={points.data.some((point) => point.id === pointOfAccessId) ? pointOfAccessId : ''}
      focusHeading={round > 0}
      onLogged={(answer, chosen, at) => {
        setPointOfAccessId(at);
        setLogged({ logged: answer, chosen });
      }}
    />
  );
}

function Waiting() {
  usePageTitle(LOG_ENQUIRY_TITLE);
  return (
    <>
      <h1>{LOG_ENQUIRY_TITLE}</h1>
      <Loading what="your points of access" />
    </>
  );
}

function NotSetUp() {
  usePageTitle(LOG_ENQUIRY_TITLE);
  return (
    <>
      <h1>{LOG_ENQUIRY_TITLE}</h1>
      <p>You are not set up at a point of access.</p>
      <p>Enquiries are logged at a point of access your organisation runs. Ask your network lead to set one up for your organisation.</p>
    </>
  );
}
