import type { Staff } from '../auth/session';
import { type StaffChoice, uniqueStaff, useStaffFinder } from '../tasks/OwnerField';
import { StaffFinderForm } from '../tasks/StaffFinderForm';
import { useSeriesList } from './api';

/**
 * Who can be chosen to chair a huddle or stand on it: those given first (a series' own chair
 * and members), the user, everyone already on a huddle of the user's networks, and anyone the
 * user finds by name. The API checks that each belongs to the huddle's network.
 */
export function useSeriesStaff(me: Staff | undefined, first: StaffChoice[] = []) {
  const list = useSeriesList();
  const finder = useStaffFinder();
  const known = (list.data ?? []).flatMap((series) => [series.chair, ...series.standingMembers]);
  const others = uniqueStaff([...known, ...finder.choices]).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const staff = uniqueStaff([...first, ...(me ? [{ staffId: me.id, name: me.name, note: 'you' }] : []), ...others]);
  return { staff, finder };
}

interface StaffFinderProps {
  id: string;
  finder: ReturnType<typeof useStaffFinder>;
  error?: string;
  onMissingName: () => void;
}

/** The staff search beside the series form: those found join the chair and standing member choices. */
export function SeriesStaffFinder(props: StaffFinderProps) {
  return (
    <StaffFinderForm
      {...props}
      purpose="Find a member of staff for the huddle"
      label="Find a member of staff to chair or join the huddle (optional)"
      addedTo="the chair and standing member choices"
    />
  );
}
