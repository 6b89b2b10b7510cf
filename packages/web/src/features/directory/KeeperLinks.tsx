import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { DIRECTORY_REVIEWS_PATH, looksAfterDirectory, STALE_LISTINGS_PATH } from './access';

/** For network leads, commissioners and administrators: the pages where they look after the directory. */
export function KeeperLinks() {
  const staff = useSession().data?.staff;
  if (!looksAfterDirectory(staff)) return null;
  return (
    <nav aria-labelledby="keeper-links-heading">
      <h2 className="nhsuk-heading-s" id="keeper-links-heading">
        Look after the directory
      </h2>
      <ul className="nhsuk-list">
        <li>
          <Link to={DIRECTORY_REVIEWS_PATH}>Listing changes to review</Link>
        </li>
        <li>
          <Link to={STALE_LISTINGS_PATH}>Listings to check</Link>
        </li>
      </ul>
    </nav>
  );
}
