// /mi-unidad: the challenges of each unit I belong to, grouped by phase, and what needs attention (counts only).
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitChallengesQuery } from '../../gql/graphql';
import { formatInteger, timeLeft } from '../../shared/format';
import { Page } from '../../shared/page';
import { texts } from '../../shared/texts';
import { UnitGate, type UnitViewer } from './unit-access';
import { attention, groupByPhase, pendingEvaluations } from './unit-rules';
import { unitTexts } from './unit-texts';
import './unit.css';

const UnitChallengesDocument = graphql(`
  query UnitChallenges($unitId: ID!) {
    governmentUnit(id: $unitId) {
      id
      challenges(first: 100) {
        totalCount
        nodes {
          id
          slug
          title
          phase
          proposalCount
          currentRound {
            id
            title
            closesAt
          }
        }
      }
    }
  }
`);

const JuryProgressDocument = graphql(`
  query UnitJuryProgress($id: ID!) {
    challenge(id: $id) {
      id
      jury {
        id
        progress {
          assigned
          evaluated
        }
      }
    }
  }
`);

type Membership = UnitViewer['memberships'][number];
type ChallengeItem = NonNullable<UnitChallengesQuery['governmentUnit']>['challenges']['nodes'][number];

/** Pending evaluations of a challenge in evaluation (a count; scores are never shown here). */
function PendingEvaluations({ challengeId }: { challengeId: string }) {
  const [result] = useQuery({ query: JuryProgressDocument, variables: { id: challengeId } });
  const jury = result.data?.challenge?.jury;
  if (!jury) return null;
  const pending = pendingEvaluations(jury.map((j) => j.progress ?? null));
  return pending > 0 ? <li>{unitTexts.pending(pending)}</li> : null;
}

function ChallengeCard({ challenge, now }: { challenge: ChallengeItem; now: Date }) {
  const needs = attention(challenge, now);
  const left = challenge.currentRound ? timeLeft(challenge.currentRound.closesAt, now) : null;
  return (
    <li className="card">
      <h4>
        <Link
          to={
            challenge.phase === 'DRAFT'
              ? `/mi-unidad/retos/${challenge.id}/editar`
              : `/mi-unidad/retos/${challenge.slug}`
          }
        >
          {challenge.title}
        </Link>
      </h4>
      <ul className="card-meta">
        <li>{unitTexts.proposals(challenge.proposalCount)}</li>
      </ul>
      <ul className="unit-attention" aria-label={`${unitTexts.attentionTitle}: ${challenge.title}`}>
        {needs.toReview > 0 && <li>{unitTexts.toReview(needs.toReview)}</li>}
        {needs.closingSoon && challenge.currentRound && left && (
          <li>{unitTexts.closingSoon(challenge.currentRound.title, left)}</li>
        )}
        {challenge.phase === 'EVALUATION' && <PendingEvaluations challengeId={challenge.id} />}
      </ul>
    </li>
  );
}

function UnitSection({ membership, now }: { membership: Membership; now: Date }) {
  const { unit } = membership;
  const [result] = useQuery({
    query: UnitChallengesDocument,
    variables: { unitId: unit.id },
    requestPolicy: 'cache-and-network',
  });
  const headingId = `unidad-${unit.id}`;
  const challenges = result.data?.governmentUnit?.challenges.nodes;
  const groups = challenges ? groupByPhase(challenges) : [];
  return (
    <section aria-labelledby={headingId} className="unit-section">
      <h2 id={headingId}>{unit.name}</h2>
      <p>
        {unitTexts.yourRole(membership.role)} · <Link to={`/mi-unidad/equipo/${unit.id}`}>{unitTexts.team}</Link>
      </p>
      {!challenges ? (
        <p>{result.error ? texts.errors.network : texts.loading}</p>
      ) : groups.length === 0 ? (
        <p>{unitTexts.noChallenges}</p>
      ) : (
        groups.map((group) => (
          <section key={group.phase} aria-labelledby={`${headingId}-${group.phase}`}>
            <h3 id={`${headingId}-${group.phase}`}>
              {texts.phase[group.phase]} ({formatInteger(group.items.length)})
            </h3>
            <ul className="card-list">
              {group.items.map((challenge) => (
                <ChallengeCard key={challenge.id} challenge={challenge} now={now} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

function Dashboard({ viewer }: { viewer: UnitViewer }) {
  const now = new Date();
  return (
    <Page
      title={unitTexts.dashboardTitle}
      lead={
        <>
          <p>{unitTexts.dashboardIntro}</p>
          <p>
            <Link className="button" to="/mi-unidad/nuevo-reto">
              {unitTexts.newChallenge}
            </Link>
          </p>
        </>
      }
    >
      {viewer.memberships.map((membership) => (
        <UnitSection key={membership.unit.id} membership={membership} now={now} />
      ))}
    </Page>
  );
}

export function UnitDashboardPage() {
  return <UnitGate>{(viewer) => <Dashboard viewer={viewer} />}</UnitGate>;
}
