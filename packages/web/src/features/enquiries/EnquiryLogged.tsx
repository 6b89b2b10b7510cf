import { useEffect, useRef } from 'react';
import { usePageTitle } from '../../components/usePageTitle';
import type { ChosenServices } from './form';
import type { LoggedEnquiry } from './types';
import { outcomeWords, safeguardingTaskWords } from './words';

export const ENQUIRY_LOGGED_TITLE = 'Enquiry logged';

interface EnquiryLoggedProps {
  logged: LoggedEnquiry;
  /** The services signposted and referred to, and the person whose record keeps it, to name them. */
  chosen: ChosenServices;
  onAnother: () => void;
}

/**
 * The NHS confirmation panel after an enquiry is logged: what came of it, and who now has the
 * safeguarding task when a concern was raised. Its heading takes focus, as a new page's would.
 */
export function EnquiryLogged({ logged, chosen, onAnother }: EnquiryLoggedProps) {
  usePageTitle(ENQUIRY_LOGGED_TITLE);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const outcomes = outcomeWords(
    logged.outcomes,
    chosen.signposted.map((service) => service.name),
    chosen.referredTo?.name,
  );
  return (
    <>
      <div className="nhsuk-panel">
        <h1 className="nhsuk-panel__heading kith-focus-target" tabIndex={-1} ref={heading}>
          {ENQUIRY_LOGGED_TITLE}
        </h1>
        <div className="nhsuk-panel__body">
          <p className="nhsuk-u-margin-bottom-2">What came of it:</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {outcomes.map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
          {chosen.keptWith && <p>Kept with the record of {chosen.keptWith.name}, as they agreed.</p>}
          {logged.safeguardingTaskId && <p>{safeguardingTaskWords(logged.safeguardingLead)}.</p>}
        </div>
      </div>
      <button className="nhsuk-button" type="button" onClick={onAnother}>
        Log another enquiry
      </button>
    </>
  );
}
