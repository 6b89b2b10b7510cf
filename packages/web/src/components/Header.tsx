import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { Icon } from './Icon';
import { SERVICE_NAME } from './usePageTitle';

export interface NavigationItem {
  to: string;
  text: string;
}

interface HeaderProps {
  /** Absent before sign-in: the header then shows only the service name. */
  signedIn?: { name: string; onSignOut: () => void };
  navigation: NavigationItem[];
}

/**
 * NHS design system header. The NHS logo is left out on purpose: Kith is shared by councils,
 * GP practices and voluntary organisations as well as NHS trusts, and the logo's use is
 * restricted to NHS organisations.
 */
export function Header({ signedIn, navigation }: HeaderProps) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to="/">
            {SERVICE_NAME}
          </Link>
        </div>
        {signedIn && <Account {...signedIn} />}
      </div>
      {signedIn && navigation.length > 0 && <Navigation items={navigation} />}
    </header>
  );
}

function Account({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  function signOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSignOut();
  }
  return (
    <nav className="nhsuk-header__account" aria-label="Account">
      <ul className="nhsuk-header__account-list">
        <li className="nhsuk-header__account-item">
          <Icon name="user" />
          {name}
        </li>
        <li className="nhsuk-header__account-item">
          <form className="nhsuk-header__account-form" onSubmit={signOut} noValidate>
            <button className="nhsuk-header__account-button" type="submit">
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

function Navigation({ items }: { items: NavigationItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="nhsuk-header__navigation" aria-label="Menu">
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list">
          {items.map((item) => {
            const current = pathname === item.to;
            const within = current || pathname.startsWith(`${item.to}/`);
            return (
              <li
                key={item.to}
                className={`nhsuk-header__navigation-item${within ? ' nhsuk-header__navigation-item--current' : ''}`}
              >
                <Link
                  className="nhsuk-header__navigation-link"
                  to={item.to}
                  aria-current={current ? 'page' : within ? 'true' : undefined}
                >
                  {/* The strong keeps the current item distinct when users override colours. */}
                  {within ? (
                    <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong>
                  ) : (
                    item.text
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
