// /mi-unidad/retos/:slug: one challenge of my unit — rounds (close now, reschedule, tally), moderation, jury and
// the audit log. Each section asks for its own data, so one page never exceeds the API's query cost.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../app/error-pages';
import { graphql } from '../../gql';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { AuditSection } from './audit-section';
import { JurySection } from './jury-section';
import { ModerationSection } from './moderation-section';
import { RoundsSection } from './rounds-section';
import { ErrorMessagePage, NoAccessPage, roleIn, UnitGate, type UnitViewer } from './unit-access';
import { capabilities } from './unit-rules';
import { unitTexts } from './unit-texts';
import './unit.css';

const ChallengeAdminDocument = graphql(`
  query ChallengeAdmin($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      phase
      participantCount
      unit {
        id
        name
      }
    }
  }
`);

function ChallengeAdmin({ viewer, slug }: { viewer: UnitViewer; slug: string }) {
  const [result] = useQuery({ query: ChallengeAdminDocument, variables: { slug } });
  // Every change made in a section is a new line in the audit log: the timeline reloads after each one.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((n) => n + 1);
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) return <ErrorMessagePage />;
  const challenge = result.data?.challenge;
  if (!challenge) return <NotFoundPage />;
  const role = roleIn(viewer, challenge.unit.id);
  if (!role) return <NoAccessPage />;
  const can = capabilities(role, viewer.platformRole);
  const lead = (
    <>
      <p>
        <Link to="/mi-unidad">{unitTexts.backToDashboard}</Link> ·{' '}
        <Link to={`/retos/${challenge.slug}`}>{unitTexts.publicPage}</Link>
      </p>
      <dl className="facts">
        <dt>{texts.challenges.detail.publishedBy}</dt>
        <dd>{challenge.unit.name}</dd>
        <dt>{unitTexts.phase}</dt>
        <dd>{texts.phase[challenge.phase]}</dd>
      </dl>
      <p>{unitTexts.participants(challenge.participantCount)}</p>
      <p>{unitTexts.yourRole(role)}</p>
      <nav aria-label={unitTexts.sectionsLabel}>
        <ul className="unit-sections">
          <li>
            <a href="#rondas">{unitTexts.roundsTitle}</a>
          </li>
          <li>
            <a href="#moderacion">{unitTexts.moderationTitle}</a>
          </li>
          <li>
            <a href="#jurado">{unitTexts.juryTitle}</a>
          </li>
          <li>
            <a href="#bitacora">{unitTexts.auditTitle}</a>
          </li>
        </ul>
      </nav>
    </>
  );
  return (
    <Page title={unitTexts.challengeTitle(challenge.title)} lead={lead}>
      <RoundsSection challengeId={challenge.id} can={can} onChanged={changed} />
      <ModerationSection challengeId={challenge.id} can={can} onChanged={changed} />
      <JurySection challengeId={challenge.id} can={can} onChanged={changed} />
      <AuditSection challengeId={challenge.id} version={version} />
    </Page>
  );
}

export function ChallengeAdminPage() {
  const { slug = '' } = useParams();
  return <UnitGate>{(viewer) => <ChallengeAdmin viewer={viewer} slug={slug} />}</UnitGate>;
}
