// Moderation queue of a challenge: submitted proposals (and those already moderated, with their public reason).
// The unit declares a proposal ineligible; the platform's moderation hides and unhides. A reason is required.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UnitModerationQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { TextAreaField } from '../../shared/field';
import { texts } from '../../shared/texts';
import { refusalOf } from './problems';
import type { Capabilities } from './unit-rules';
import { unitTexts, type UnitAction } from './unit-texts';

const UnitModerationDocument = graphql(`
  query UnitModeration($id: ID!) {
    challenge(id: $id) {
      id
      proposals(first: 100, orderBy: NEWEST, filter: { statuses: [SUBMITTED, HIDDEN, INELIGIBLE] }) {
        totalCount
        nodes {
          id
          title
          summary
          status
          moderationReason
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

const MarkIneligibleDocument = graphql(`
  mutation UnitMarkIneligible($id: ID!, $reason: String!) {
    markProposalIneligible(id: $id, reason: $reason) {
      id
      status
      moderationReason
    }
  }
`);

const HideProposalDocument = graphql(`
  mutation UnitHideProposal($id: ID!, $reason: String!) {
    hideProposal(id: $id, reason: $reason) {
      id
      status
      moderationReason
    }
  }
`);

const UnhideProposalDocument = graphql(`
  mutation UnitUnhideProposal($id: ID!) {
    unhideProposal(id: $id) {
      id
      status
      moderationReason
    }
  }
`);

type Proposal = NonNullable<UnitModerationQuery['challenge']>['proposals']['nodes'][number];

function ProposalItem({ proposal, can, onChanged }: { proposal: Proposal; can: Capabilities; onChanged: () => void }) {
  const announce = useAnnounce();
  const [, markIneligible] = useMutation(MarkIneligibleDocument);
  const [, hide] = useMutation(HideProposalDocument);
  const [, unhide] = useMutation(UnhideProposalDocument);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldName = `motivo-${proposal.id}`;
  const focusField = () => window.setTimeout(() => document.getElementById(fieldName)?.focus(), 0);

  const act = async (action: Extract<UnitAction, 'markIneligible' | 'hide' | 'unhide'>) => {
    if (busy) return;
    const text = reason.trim();
    if (action !== 'unhide' && !text) {
      setError(unitTexts.reasonRequired);
      focusField();
      return;
    }
    setBusy(true);
    setError(null);
    const result =
      action === 'markIneligible'
        ? await markIneligible({ id: proposal.id, reason: text })
        : action === 'hide'
          ? await hide({ id: proposal.id, reason: text })
          : await unhide({ id: proposal.id });
    setBusy(false);
    if (result.error) {
      const refusal = refusalOf(result.error, action);
      setError(refusal.fields.reason ?? refusal.message);
      focusField();
      return;
    }
    setReason('');
    announce(
      action === 'markIneligible'
        ? unitTexts.markedIneligible(proposal.title)
        : action === 'hide'
          ? unitTexts.hidden(proposal.title)
          : unitTexts.unhidden(proposal.title),
    );
    onChanged();
  };

  const submitted = proposal.status === 'SUBMITTED';
  const canAct = submitted ? can.markIneligible || can.hide : proposal.status === 'HIDDEN' && can.hide;
  return (
    <li className="card">
      <h3>{proposal.title}</h3>
      <ul className="card-meta">
        <li>{unitTexts.by(proposal.author?.displayName ?? unitTexts.anonymous)}</li>
        <li>
          <span className="badge">{texts.proposals.status[proposal.status]}</span>
        </li>
      </ul>
      <p>{proposal.summary}</p>
      {proposal.moderationReason && <p>{unitTexts.reasonShown(proposal.moderationReason)}</p>}
      {canAct && submitted && (
        <TextAreaField
          name={fieldName}
          label={unitTexts.reasonLabel(proposal.title)}
          hint={unitTexts.reasonHint}
          error={error ?? undefined}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      )}
      {canAct && !submitted && error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {canAct && (
        <p className="unit-actions">
          {submitted && can.markIneligible && (
            <button type="button" onClick={() => void act('markIneligible')}>
              {unitTexts.markIneligible}
              <span className="visually-hidden"> {unitTexts.actionFor(proposal.title)}</span>
            </button>
          )}
          {submitted && can.hide && (
            <button type="button" className="button-secondary" onClick={() => void act('hide')}>
              {unitTexts.hide}
              <span className="visually-hidden"> {unitTexts.actionFor(proposal.title)}</span>
            </button>
          )}
          {proposal.status === 'HIDDEN' && can.hide && (
            <button type="button" className="button-secondary" onClick={() => void act('unhide')}>
              {unitTexts.unhide}
              <span className="visually-hidden"> {unitTexts.actionFor(proposal.title)}</span>
            </button>
          )}
        </p>
      )}
    </li>
  );
}

export function ModerationSection({
  challengeId,
  can,
  onChanged,
}: {
  challengeId: string;
  can: Capabilities;
  onChanged: () => void;
}) {
  const [result, reexecute] = useQuery({ query: UnitModerationDocument, variables: { id: challengeId } });
  const proposals = result.data?.challenge?.proposals.nodes;
  return (
    <section aria-labelledby="moderacion" className="unit-section">
      <h2 id="moderacion" tabIndex={-1}>
        {unitTexts.moderationTitle}
      </h2>
      <p>{unitTexts.moderationIntro}</p>
      {!proposals ? (
        <p>{result.error ? texts.errors.network : texts.loading}</p>
      ) : proposals.length === 0 ? (
        <p>{unitTexts.noProposals}</p>
      ) : (
        <ul className="card-list">
          {proposals.map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              can={can}
              onChanged={() => {
                reexecute({ requestPolicy: 'network-only' });
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
