import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextAreaField, TextField } from '../../shared/field';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { NotFoundPage } from '../../app/error-pages';
import { proposalTexts } from './proposal-texts';

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

const SubmitProposal = graphql(`
  mutation SubmitProposal($id: ID!) {
    submitProposal(id: $id) {
      id
      status
    }
  }
`);

const FIELDS = ['title', 'summary', 'body', 'estimatedCost'] as const;

function ProposalForm({ challenge }: { challenge: { id: string; slug: string; title: string } }) {
  const p = proposalTexts;
  const client = useClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { problems, formMessage, show, clear } = useFormProblems(FIELDS);
  const [sending, setSending] = useState(false);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [values, setValues] = useState({ title: '', summary: '', body: '', estimatedCost: '' });
  const change = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setSending(true);
    try {
      // The draft is created once; a refused submit keeps it, so sending again does not duplicate it.
      let id = draftId;
      if (!id) {
        const created = await client
          .mutation(CreateProposal, {
            input: {
              challengeId: challenge.id,
              title: values.title.trim(),
              summary: values.summary.trim(),
              body: values.body.trim(),
              estimatedCost: values.estimatedCost.trim() || undefined,
            },
          })
          .toPromise();
        id = created.data?.createProposal.id ?? null;
        if (!id) return show(created.error);
        setDraftId(id);
      }
      const submitted = await client.mutation(SubmitProposal, { id }).toPromise();
      if (!submitted.data) return show(submitted.error);
      announce(p.sent);
      await navigate(`/retos/${challenge.slug}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormMessage message={problems.form} focusRef={formMessage} />
      <TextField
        name="title"
        label={p.title}
        hint={p.titleHint}
        required
        value={values.title}
        onChange={change('title')}
        error={problems.fields.title}
      />
      <TextAreaField
        name="summary"
        label={p.summary}
        hint={p.summaryHint}
        required
        rows={3}
        value={values.summary}
        onChange={change('summary')}
        error={problems.fields.summary}
      />
      <TextAreaField
        name="body"
        label={p.body}
        hint={p.bodyHint}
        required
        value={values.body}
        onChange={change('body')}
        error={problems.fields.body}
      />
      <TextField
        name="estimatedCost"
        label={p.estimatedCost}
        inputMode="decimal"
        value={values.estimatedCost}
        onChange={change('estimatedCost')}
        error={problems.fields.estimatedCost}
      />
      <button type="submit" disabled={sending}>
        {sending ? p.sending : p.submit}
      </button>
    </form>
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
    <Page title={proposalTexts.newTitle} lead={<p>{proposalTexts.forChallenge(challenge.title)}</p>}>
      {session.viewer ? (
        <ProposalForm challenge={challenge} />
      ) : (
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent(`/retos/${slug}/proponer`)}`}>
            {proposalTexts.signInFirst}
          </Link>
        </p>
      )}
    </Page>
  );
}
