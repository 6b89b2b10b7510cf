import type { RecordLook } from './api';

/** One sentence per person per day, as the person would read it; emergency access is marked in words. */
export function LooksList({ looks }: { looks: RecordLook[] }) {
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {looks.map((look) => (
        <li key={`${look.day}|${look.who ?? ''}|${look.role ?? ''}|${look.organisation ?? ''}|${look.firstAt}`}>
          {look.breakGlass && (
            <>
              <strong className="nhsuk-tag nhsuk-tag--red">Emergency access</strong>{' '}
            </>
          )}
          {look.sentence}
        </li>
      ))}
    </ul>
  );
}
