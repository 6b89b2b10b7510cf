import type { ReactNode } from 'react';
import { SummaryList } from '../../components/SummaryList';
import { lines } from './lines';
import type { Listing, ListingContact, ListingPlace } from './types';
import { ageRangeWords, costWords, safeWebAddress, telHref } from './words';

/** A gap in the feed: the service did not say, which is not the same as "none". */
function NotStated() {
  return <span className="nhsuk-u-secondary-text-colour">Not stated</span>;
}

const orNotStated = (value: ReactNode | undefined, present: boolean) => (present ? value : <NotStated />);

/** Everything the feed said about the service, as an NHS summary list. */
export function ServiceDetails({ listing }: { listing: Listing }) {
  const who = [ageRangeWords(listing.eligibility.minimumAge, listing.eligibility.maximumAge), listing.eligibility.description].filter(Boolean);
  const places = listing.places.length > 0 ? listing.places : listing.place ? [listing.place] : [];
  const rows = [
    { key: 'Type', value: orNotStated(listing.types.join(', '), listing.types.length > 0) },
    { key: 'When', value: orNotStated(lines(listing.when), listing.when.length > 0) },
    { key: 'Where', value: orNotStated(<Places places={places} />, places.length > 0) },
    { key: 'Cost', value: listing.costs.length > 0 ? lines(listing.costs) : costWords(listing.cost) },
    { key: 'Who it is for', value: orNotStated(lines(who), who.length > 0) },
    { key: 'Contact', value: <Contact listing={listing} /> },
    { key: 'Languages', value: orNotStated(listing.languages.join(', '), listing.languages.length > 0) },
    { key: 'Accessibility', value: orNotStated(lines(listing.accessibility), listing.accessibility.length > 0) },
  ];
  return <SummaryList rows={rows} />;
}

function Places({ places }: { places: ListingPlace[] }) {
  if (places.length === 1) return <PlaceLines place={places[0]!} />;
  return (
    <ul className="nhsuk-list">
      {places.map((place, index) => (
        <li key={index}>
          <PlaceLines place={place} />
        </li>
      ))}
    </ul>
  );
}

function PlaceLines({ place }: { place: ListingPlace }) {
  return lines([place.name, place.address, place.postcode]);
}

function Contact({ listing }: { listing: Listing }) {
  const website = safeWebAddress(listing.website);
  const parts: ReactNode[] = [
    ...listing.phones.map((phone) => <Phone phone={phone} key={`phone-${phone}`} />),
    listing.email && <Email email={listing.email} key="email" />,
    website && (
      <a href={website} key="website" rel="noreferrer">
        {listing.website}
        <span className="nhsuk-u-visually-hidden"> (website)</span>
      </a>
    ),
    !website && listing.website && <span key="website">{listing.website}</span>,
    ...listing.contacts.map((contact, index) => <Person contact={contact} key={`contact-${index}`} />),
  ].filter(Boolean);
  if (parts.length === 0) return <NotStated />;
  return (
    <ul className="nhsuk-list">
      {parts.map((part, index) => (
        <li key={index}>{part}</li>
      ))}
    </ul>
  );
}

function Phone({ phone }: { phone: string }) {
  const href = telHref(phone);
  return href ? <a href={href}>{phone}</a> : <>{phone}</>;
}

function Email({ email }: { email: string }) {
  return /^[^\s@]+@[^\s@]+$/.test(email) ? <a href={`mailto:${email}`}>{email}</a> : <>{email}</>;
}

function Person({ contact }: { contact: ListingContact }) {
  return lines([
    [contact.name, contact.title].filter(Boolean).join(', '),
    ...contact.phones.map((phone) => <Phone phone={phone} key={phone} />),
    contact.email && <Email email={contact.email} />,
  ]);
}
