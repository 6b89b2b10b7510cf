import { Outlet } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { looksAfterDirectory } from './access';

/** Shows the pages within only to network leads, commissioners and administrators. */
export function RequireDirectoryKeeper() {
  const staff = useSession().data?.staff;
  return looksAfterDirectory(staff) ? <Outlet /> : <NoKeeperAccessPage />;
}

const NO_ACCESS_TITLE = 'You do not have access to this page';

function NoKeeperAccessPage() {
  usePageTitle(NO_ACCESS_TITLE);
  return (
    <>
      <h1>{NO_ACCESS_TITLE}</h1>
      <p>Only network leads, commissioners and administrators look after the directory.</p>
    </>
  );
}
