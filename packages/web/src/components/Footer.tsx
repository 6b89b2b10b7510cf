export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">
            Kith: open-source software for integrated community care, one team around the person.
          </p>
        </div>
      </div>
    </footer>
  );
}
