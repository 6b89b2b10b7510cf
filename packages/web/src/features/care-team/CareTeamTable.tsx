import { STAFF_ROLE_LABELS, type CareTeamMember } from '@kith/core';
import { formErrors } from '../../api/form-errors';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { NotRecorded } from '../../components/SummaryList';
import type { Feedback } from '../../components/useFeedback';
import { useMakeCoordinator, useRemoveMember } from './api';

const COLUMNS = ['Name', 'Role', 'Organisation', 'Responsibility', 'Actions'] as const;

interface CareTeamTableProps extends Feedback {
  personId: string;
  members: CareTeamMember[];
}

/** The named coordinator first, then everyone else in the order they joined. */
export function CareTeamTable({ personId, members, succeeded, failed }: CareTeamTableProps) {
  const makeCoordinator = useMakeCoordinator(personId);
  const remove = useRemoveMember(personId);
  const busy = makeCoordinator.isPending || remove.isPending;
  const ordered = [...members].sort((a, b) => Number(b.isNamedCoordinator) - Number(a.isNamedCoordinator));

  const coordinate = (member: CareTeamMember) => {
    if (busy) return;
    makeCoordinator.mutate(member.staffId, {
      onSuccess: () => succeeded(`${member.name} is now the named coordinator.`),
      onError: (error) => failed(formErrors(error)),
    });
  };
  const removeMember = (member: CareTeamMember) => {
    if (busy) return;
    remove.mutate(member.staffId, {
      onSuccess: () => succeeded(`${member.name} has been removed from the care team.`),
      onError: (error) => failed(formErrors(error)),
    });
  };

  return (
    <ResponsiveTable caption="Members of the care team" columns={COLUMNS}>
      {ordered.map((member) => (
        <TableRow key={member.staffId}>
          <TableCell column="Name">
            {member.name}
            {member.isNamedCoordinator && (
              <>
                <br />
                <strong className="nhsuk-tag nhsuk-tag--blue">Named coordinator</strong>
              </>
            )}
          </TableCell>
          <TableCell column="Role">{member.roles.map((role) => STAFF_ROLE_LABELS[role]).join(', ')}</TableCell>
          <TableCell column="Organisation">{member.organisationName}</TableCell>
          <TableCell column="Responsibility">{member.responsibility ?? <NotRecorded />}</TableCell>
          <TableCell column="Actions">
            <div className="nhsuk-button-group">
              {!member.isNamedCoordinator && (
                <button
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  type="button"
                  onClick={() => coordinate(member)}
                >
                  Make named coordinator<span className="nhsuk-u-visually-hidden">: {member.name}</span>
                </button>
              )}
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                onClick={() => removeMember(member)}
              >
                Remove<span className="nhsuk-u-visually-hidden"> {member.name} from the care team</span>
              </button>
            </div>
          </TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
