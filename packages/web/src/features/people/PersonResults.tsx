import type { Ref } from 'react';
import type { PersonSummary } from '@kith/core';
import { Link, useLocation } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
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

export function PersonResultsTable({ people }: { people: PersonSummary[] }) {
  return (
    <ResponsiveTable caption="People matching your search" columns={COLUMNS}>
      {people.map((person) => (
        <PersonRow person={person} key={person.id} />
      ))}
    </ResponsiveTable>
  );
}

function PersonRow({ person }: { person: PersonSummary }) {
  const { search } = useLocation();
  const fromSearch: FromSearch = { search };
  return (
    <TableRow>
      <TableCell column="Name">
        <Link to={`/people/${encodeURIComponent(person.id)}`} state={fromSearch}>
          {fullName(person)}
        </Link>
        {person.preferredName && (
          <>
            <br />
            Known as {person.preferredName}
          </>
        )}
      </TableCell>
      <TableCell column="NHS number">{formatNhsNumber(person.nhsNumber)}</TableCell>
      <TableCell column="Date of birth">{formatDate(person.dateOfBirth)}</TableCell>
      <TableCell column="Age">{ageToday(person.dateOfBirth)}</TableCell>
      <TableCell column="Postcode">{person.postcode ?? <NotRecorded />}</TableCell>
      <TableCell column="GP practice">{person.practiceName ?? <NotRecorded />}</TableCell>
    </TableRow>
  );
}
