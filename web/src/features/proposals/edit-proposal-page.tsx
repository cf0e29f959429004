// «Editar» a proposal while the submission round is open: the same fields as when proposing, kept in this browser
// as a draft of this proposal, every refusal of the API at its field.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EditProposalQuery } from '../../gql/graphql';
import { NotFoundPage } from '../../app/error-pages';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage } from '../../shared/field';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { draftKey, type DraftText } from './local-draft';
import { PROPOSAL_FIELDS, ProposalFields, RestoredDraftNotice } from './proposal-fields';
import { missingFields } from './proposal-rules';
import { proposalTexts as p } from './proposal-texts';
import { useLocalDraft } from './use-local-draft';
import './proposals.css';

const EditProposalDocument = graphql(`
  query EditProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      summary
      body
      estimatedCost
      status
      viewerCanEdit
      challenge {
        id
        slug
        title
      }
    }
  }
`);

const UpdateProposalDocument = graphql(`
  mutation UpdateProposal($id: ID!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, input: $input) {
      id
      title
      summary
      body
      estimatedCost
      updatedAt
    }
  }
`);

type Proposal = NonNullable<EditProposalQuery['proposal']>;

function EditForm({ proposal, personId }: { proposal: Proposal; personId: string }) {
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [state, update] = useMutation(UpdateProposalDocument);
  const { problems, formMessage, show, showLocal, clear } = useFormProblems(PROPOSAL_FIELDS);
  const saved = useMemo<DraftText>(
    () => ({
      title: proposal.title,
      summary: proposal.summary,
      body: proposal.body,
      estimatedCost: proposal.estimatedCost ?? '',
    }),
    [proposal.title, proposal.summary, proposal.body, proposal.estimatedCost],
  );
  const [key] = useState(() => draftKey({ personId, challengeId: proposal.challenge.id, proposalId: proposal.id }));
  const draft = useLocalDraft(key, saved);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const missing = missingFields(draft.values);
    if (Object.keys(missing).length) return showLocal(missing);
    clear();
    const { title, summary, body, estimatedCost } = draft.values;
    const result = await update({
      id: proposal.id,
      input: {
        title: title.trim(),
        summary: summary.trim(),
        body: body.trim(),
        estimatedCost: estimatedCost.trim() || null,
      },
    });
    if (result.error) return show(result.error);
    draft.forget();
    announce(p.edit.saved);
    await navigate(`/propuestas/${proposal.id}`);
  };

  const discard = () => {
    draft.discard();
    clear();
    announce(p.draftDiscarded);
    document.getElementById('title')?.focus();
  };

  return (
    <>
      {draft.restoredAt && <RestoredDraftNotice savedAt={draft.restoredAt} onDiscard={discard} />}
      <p className="field-hint">{p.draftKept}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <ProposalFields values={draft.values} onChange={draft.setValues} errors={problems.fields} />
        <p className="proposal-actions">
          <button type="submit" aria-disabled={state.fetching ? true : undefined}>
            {state.fetching ? p.edit.saving : p.edit.save}
          </button>
          <Link to={`/propuestas/${proposal.id}`}>{p.edit.backToProposal}</Link>
        </p>
      </form>
    </>
  );
}

export function EditProposalPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [result] = useQuery({ query: EditProposalDocument, variables: { id } });
  if ((result.fetching && !result.data) || !session.ready) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    if (result.error.graphQLErrors.length) return <NotFoundPage />;
    return (
      <Page title={texts.errors.errorTitle}>
        <p role="alert">{texts.errors.network}</p>
      </Page>
    );
  }
  const proposal = result.data?.proposal;
  if (!session.viewer) {
    return (
      <Page title={p.edit.signIn}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent(`/propuestas/${id}/editar`)}`}>{texts.nav.signIn}</Link>
        </p>
      </Page>
    );
  }
  if (!proposal) return <NotFoundPage />;
  return (
    <Page
      title={p.edit.title(proposal.title)}
      lead={
        <p>
          <Link to={`/retos/${proposal.challenge.slug}`}>{p.forChallenge(proposal.challenge.title)}</Link>
        </p>
      }
    >
      {proposal.viewerCanEdit ? (
        <EditForm key={session.viewer.id} proposal={proposal} personId={session.viewer.id} />
      ) : (
        <p>{p.edit.notAllowed}</p>
      )}
    </Page>
  );
}
