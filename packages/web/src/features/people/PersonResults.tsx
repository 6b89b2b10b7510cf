import type { ReactNode, Ref } from 'react';
import type { PersonSummary } from '@kith/core';
import { Link, useLocation } from 'react-router';
import { NotRecorded } from '../../components/SummaryList';
import { ageToday, formatDate, formatNhsNumber } from '../../format';
import { fullName } from './labels';

/** What the person page needs to link back to these results. */
export interface FromSearch {
  search: string;
}

/** Focus moves here after each search, so keyboard and screen reader users start at the results. */
export function ResultsHeading({ ref }: { ref: Ref<HTMLHeadingElement> }) {
  return (
    <h2 className="kith-focus-target" id="search-results" tabIndex={-1} ref={ref}>
      Search results
    </h2>
  );
}

const COLUMNS = ['Name', 'NHS number', 'Date of birth', 'Age', 'Postcode', 'GP practice'] as const;

/** NHS responsive table: on narrow screens each row stacks, with each cell labelled by its column. */
export function PersonResultsTable({ people }: { people: PersonSummary[] }) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People matching your search</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {COLUMNS.map((column) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {people.map((person) => (
          <PersonRow person={person} key={person.id} />
        ))}
      </tbody>
    </table>
  );
}

function PersonRow({ person }: { person: PersonSummary }) {
  const { search } = useLocation();
  const fromSearch: FromSearch = { search };
  return (
    <tr className="nhsuk-table__row" role="row">
      <Cell column="Name">
        <Link to={`/people/${encodeURIComponent(person.id)}`} state={fromSearch}>
          {fullName(person)}
        </Link>
        {person.preferredName && (
          <>
            <br />
            Known as {person.preferredName}
          </>
        )}
      </Cell>
      <Cell column="NHS number">{formatNhsNumber(person.nhsNumber)}</Cell>
      <Cell column="Date of birth">{formatDate(person.dateOfBirth)}</Cell>
      <Cell column="Age">{ageToday(person.dateOfBirth)}</Cell>
      <Cell column="Postcode">{person.postcode ?? <NotRecorded />}</Cell>
      <Cell column="GP practice">{person.practiceName ?? <NotRecorded />}</Cell>
    </tr>
  );
}

function Cell({ column, children }: { column: (typeof COLUMNS)[number]; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      {/* The visible column name for stacked rows; screen readers already hear the column header. */}
      <span className="nhsuk-table__heading" aria-hidden="true">
        {column}{' '}
      </span>
      <span>{children}</span>
    </td>
  );
}
