import type { ApiError } from '../../api/client';
import { useSession } from '../auth/session';
import { emergencyAccessWouldHelp, mayBreakGlass, REFUSED_TITLE } from './access';
import { EmergencyAccessForm } from './EmergencyAccessForm';

interface RecordRefusedProps {
  personId: string;
  refusal: ApiError;
  onGranted: () => void;
}

/** Why the record is closed to this user, in the policy's own plain words, and what they can do. */
export function RecordRefused({ personId, refusal, onGranted }: RecordRefusedProps) {
  const staff = useSession().data?.staff;
  const offerEmergencyAccess = mayBreakGlass(staff) && emergencyAccessWouldHelp(refusal.problem.accessCode);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{REFUSED_TITLE}</h1>
        <p>{refusal.problem.detail ?? refusal.problem.title}</p>
        {offerEmergencyAccess ? (
          <EmergencyAccessForm personId={personId} onGranted={onGranted} />
        ) : (
          <p>If you are caring for this person, ask a member of their care team to add you to it.</p>
        )}
      </div>
    </div>
  );
}
