import { SummaryList } from '../../components/SummaryList';
import { dateTimeInWords } from './labels';

interface SecretPanelProps {
  clientId: string;
  secret: string;
  /** After a rotation: until when the secret it replaced still works. */
  previousSecretExpiresAt?: string | null;
}

/**
 * The client id and a new secret, shown this once. Kith keeps only a hash of the secret, so
 * the warning says plainly that it cannot be shown again and what to do if it is lost.
 */
export function SecretPanel({ clientId, secret, previousSecretExpiresAt }: SecretPanelProps) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Copy the client secret now
        </h2>
        <p>
          This is the only time Kith shows this secret. Kith keeps only a fingerprint of it, so no one can see it
          again. Copy it into the connected system’s settings now, and keep it somewhere safe.
        </p>
        <p>If the secret is lost, rotate the secret to get a new one.</p>
        {previousSecretExpiresAt && (
          <p>The previous secret keeps working until {dateTimeInWords(previousSecretExpiresAt)}, then it stops.</p>
        )}
        <SummaryList
          rows={[
            { key: 'Client ID', value: <Copyable label="Client ID" text={clientId} /> },
            { key: 'Client secret', value: <Copyable label="Client secret" text={secret} /> },
          ]}
        />
      </div>
    </div>
  );
}

/** Text to copy, in the NHS code style; the box can take focus, so a keyboard can scroll it. */
function Copyable({ label, text }: { label: string; text: string }) {
  return (
    <div className="nhsuk-code nhsuk-code--no-border">
      <pre className="nhsuk-code__container" tabIndex={0} aria-label={label}>
        <code className="nhsuk-code__content">{text}</code>
      </pre>
    </div>
  );
}
