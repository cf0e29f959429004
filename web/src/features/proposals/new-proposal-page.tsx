// «Nueva propuesta» in two steps: write (kept in this browser as a draft), then review exactly what others will see
// and send. A refusal from the API takes the person back to the first step with the message at its field.
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NotFoundPage } from '../../app/error-pages';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage } from '../../shared/field';
import { formatMoney } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { TextBlocks } from '../../shared/text-blocks';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { draftKey, EMPTY_DRAFT, type DraftText } from './local-draft';
import { PROPOSAL_FIELDS, ProposalFields, RestoredDraftNotice } from './proposal-fields';
import { missingFields } from './proposal-rules';
import { proposalTexts as p } from './proposal-texts';
import { useLocalDraft } from './use-local-draft';
import './proposals.css';

const ProposalTarget = graphql(`
  query ProposalTarget($slug: String!) {
    challenge(slug: $slug) {
      id
      slug
      title
      phase
    }
  }
`);

const CreateProposal = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
    }
  }
`);

const UpdateDraft = graphql(`
  mutation UpdateProposalDraft($id: ID!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, input: $input) {
      id
    }
  }
`);

const SubmitProposal = graphql(`
  mutation SubmitProposal($id: ID!) {
    submitProposal(id: $id) {
      id
      status
    }
  }
`);

function trimmed(values: DraftText) {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    body: values.body.trim(),
    estimatedCost: values.estimatedCost.trim() || null,
  };
}

function ProposalForm({ challenge, personId }: { challenge: { id: string; slug: string }; personId: string }) {
  const client = useClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { problems, formMessage, show, showLocal, clear } = useFormProblems(PROPOSAL_FIELDS);
  const draft = useLocalDraft(draftKey({ personId, challengeId: challenge.id }), EMPTY_DRAFT);
  const [step, setStep] = useState<'write' | 'review'>('write');
  const [sending, setSending] = useState(false);
  // The draft the API keeps after a create whose submit was refused: sending again updates it, never duplicates it.
  const [serverDraftId, setServerDraftId] = useState<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const writeHeading = useRef<HTMLHeadingElement>(null);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(draft.values);
    if (Object.keys(missing).length) return showLocal(missing);
    clear();
    setStep('review');
    window.setTimeout(() => reviewHeading.current?.focus(), 0);
  };

  const backToWrite = () => {
    setStep('write');
    window.setTimeout(() => writeHeading.current?.focus(), 0);
  };

  const send = async () => {
    if (sending) return;
    setSending(true);
    try {
      const input = trimmed(draft.values);
      let id = serverDraftId;
      if (id) {
        const updated = await client.mutation(UpdateDraft, { id, input }).toPromise();
        if (!updated.data) {
          setStep('write');
          return show(updated.error);
        }
      } else {
        const created = await client
          .mutation(CreateProposal, {
            input: { challengeId: challenge.id, ...input, estimatedCost: input.estimatedCost ?? undefined },
          })
          .toPromise();
        id = created.data?.createProposal.id ?? null;
        if (!id) {
          setStep('write');
          return show(created.error);
        }
        setServerDraftId(id);
      }
      const submitted = await client.mutation(SubmitProposal, { id }).toPromise();
      if (!submitted.data) {
        setStep('write');
        return show(submitted.error);
      }
      draft.forget();
      announce(p.sent);
      await navigate(`/retos/${challenge.slug}`);
    } finally {
      setSending(false);
    }
  };

  const discard = () => {
    draft.discard();
    clear();
    announce(p.draftDiscarded);
    document.getElementById('title')?.focus();
  };

  if (step === 'review') {
    const { title, summary, body, estimatedCost } = trimmed(draft.values);
    return (
      <section aria-labelledby="paso-revisar">
        <h2 id="paso-revisar" ref={reviewHeading} tabIndex={-1}>
          {p.stepReview}
        </h2>
        <p>{p.reviewIntro}</p>
        <article className="card proposal-preview">
          <h3>{title}</h3>
          <p className="lead">{summary}</p>
          <TextBlocks text={body} />
          {estimatedCost && (
            <p>
              {p.page.cost}: {formatMoney(estimatedCost)}
            </p>
          )}
        </article>
        <p className="proposal-actions">
          <button type="button" onClick={() => void send()} aria-disabled={sending ? true : undefined}>
            {sending ? p.sending : p.submit}
          </button>
          <button type="button" className="button-secondary" onClick={backToWrite}>
            {p.backToWrite}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="paso-escribir">
      <h2 id="paso-escribir" ref={writeHeading} tabIndex={-1}>
        {p.stepWrite}
      </h2>
      {draft.restoredAt && <RestoredDraftNotice savedAt={draft.restoredAt} onDiscard={discard} />}
      <p className="field-hint">{p.draftKept}</p>
      <form noValidate onSubmit={review}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <ProposalFields values={draft.values} onChange={draft.setValues} errors={problems.fields} />
        <button type="submit">{p.review}</button>
      </form>
    </section>
  );
}

export function NewProposalPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const [result] = useQuery({ query: ProposalTarget, variables: { slug } });
  const challenge = result.data?.challenge;
  if (!result.data) return <Page title={texts.loading} />;
  if (!challenge) return <NotFoundPage />;
  return (
    <Page
      title={p.newTitle}
      lead={
        <p>
          <Link to={`/retos/${challenge.slug}`}>{p.forChallenge(challenge.title)}</Link>
        </p>
      }
    >
      {!session.ready ? (
        <p>{texts.loading}</p>
      ) : session.viewer ? (
        <ProposalForm key={session.viewer.id} challenge={challenge} personId={session.viewer.id} />
      ) : (
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent(`/retos/${slug}/proponer`)}`}>{p.signInFirst}</Link>
        </p>
      )}
    </Page>
  );
}
