// Aviso de privacidad (LFPDPPP): what the platform keeps, what is public, and how to exercise ARCO rights.
// Static text, kept in step with docs/privacy.md.
import { Link } from 'react-router';
import { Page } from '../../shared/page';
import { privacyTexts as t } from './privacy-texts';

export function PrivacyNoticePage() {
  return (
    <Page title={t.title} lead={<p>{t.lead}</p>}>
      {t.sections.map((section) => (
        <section key={section.heading} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {section.items && (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link to="/cuenta">{t.accountLink}</Link>
      </p>
      <p className="field-hint">{t.updated}</p>
    </Page>
  );
}
