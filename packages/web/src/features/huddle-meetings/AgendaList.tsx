import type { MeetingItemView } from '@kith/core';
import { Link } from 'react-router';
import { classes } from '../../components/classes';
import { itemName } from './labels';

interface AgendaListProps {
  items: MeetingItemView[];
  currentId: string | undefined;
  hrefOf: (itemId: string) => string;
}

/**
 * The agenda in order, each person a link to their place on the page (?item=), so a reload or
 * a shared link opens the same person. The current one is marked for screen readers
 * (aria-current) and by a border and bold text, never by colour alone; "reviewed" is said in words.
 */
export function AgendaList({ items, currentId, hrefOf }: AgendaListProps) {
  return (
    <nav className="kith-agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className="nhsuk-heading-s">
        Agenda ({items.length === 1 ? '1 person' : `${items.length} people`})
      </h2>
      <ol className="kith-agenda__list">
        {items.map((item) => {
          const current = item.id === currentId;
          return (
            <li key={item.id} className={classes('kith-agenda__item', current && 'kith-agenda__item--current')}>
              <Link className="kith-agenda__link" to={hrefOf(item.id)} replace aria-current={current ? 'true' : undefined}>
                {current ? <strong>{itemName(item)}</strong> : itemName(item)}
              </Link>
              <span className="kith-agenda__status">
                {item.reviewed ? 'Reviewed' : 'Not reviewed'}
                {item.actions.length > 0 && `, ${item.actions.length === 1 ? '1 action' : `${item.actions.length} actions`}`}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
