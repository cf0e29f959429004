// The proposal page: its text as plain paragraphs, who signs it, its status in Spanish and, when moderation hid it or
// the unit declared it ineligible, the public reason. For its author: «Editar» while the submission round is open,
// «Retirar propuesta» behind a dialog that states the consequences, and the co-author invitation.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProposalPageQuery } from '../../gql/graphql';
import { NotFoundPage } from '../../app/error-pages';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextField } from '../../shared/field';
import { formatDateTime, formatMoney } from '../../shared/format';
import { formMessageAt, formProblems, type FormProblems } from '../../shared/graphql-errors';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { TextBlocks } from '../../shared/text-blocks';
import { texts } from '../../shared/texts';
import { useFormProblems } from '../../shared/use-form-problems';
import { emailProblem, isWebLink } from './proposal-rules';
import { proposalTexts as p } from './proposal-texts';
import './proposals.css';

const ProposalPageDocument = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      id
      title
      summary
      body
      status
      contentHidden
      moderationReason
      estimatedCost
      links
      submittedAt
      voteCount
      viewerCanEdit
      author {
        id
        displayName
      }
      coAuthors {
        id
        displayName
      }
      challenge {
        id
        slug
        title
        phase
      }
    }
  }
`);

const WithdrawProposalDocument = graphql(`
  mutation WithdrawProposal($id: ID!) {
    withdrawProposal(id: $id) {
      id
      status
    }
  }
`);

const AddCoAuthorDocument = graphql(`
  mutation AddCoAuthor($proposalId: ID!, $email: String!) {
    addCoAuthor(proposalId: $proposalId, email: $email) {
      id
    }
  }
`);

const SubmitDraftDocument = graphql(`
  mutation SubmitProposalDraft($id: ID!) {
    submitProposal(id: $id) {
      id
      status
    }
  }
`);

type Proposal = NonNullable<ProposalPageQuery['proposal']>;

const IN_PLAY = new Set(['DRAFT', 'SUBMITTED']);

function ModerationNotice({ proposal }: { proposal: Proposal }) {
  if (proposal.status !== 'HIDDEN' && proposal.status !== 'INELIGIBLE') return null;
  return (
    <div className="moderation-notice">
      <p>
        <strong>{proposal.status === 'HIDDEN' ? p.page.hidden : p.page.ineligible}</strong>
      </p>
      {proposal.moderationReason && <p>{p.page.reason(proposal.moderationReason)}</p>}
      {proposal.contentHidden && <p>{p.page.contentHidden}</p>}
    </div>
  );
}

function WithdrawDialog({
  title,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe choice has focus (showModal would pick the first button, the one that withdraws).
    cancel.current?.focus();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="proposal-dialog"
      aria-labelledby="retirar-titulo"
      aria-describedby="retirar-consecuencias"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="retirar-titulo">{p.withdraw.title(title)}</h2>
      <ul id="retirar-consecuencias">
        {p.withdraw.consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="proposal-actions">
        <button type="button" className="button-danger" onClick={onConfirm} aria-disabled={busy ? true : undefined}>
          {p.withdraw.confirm}
        </button>
        <button ref={cancel} type="button" className="button-secondary" onClick={onCancel}>
          {p.withdraw.cancel}
        </button>
      </p>
    </dialog>
  );
}

function CoAuthorForm({ proposalId }: { proposalId: string }) {
  const announce = useAnnounce();
  const [state, addCoAuthor] = useMutation(AddCoAuthorDocument);
  const { problems, formMessage, show, showLocal, clear } = useFormProblems(['coAuthorEmail']);
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const local = emailProblem(email);
    if (local) return showLocal({ coAuthorEmail: local });
    clear();
    const address = email.trim();
    const result = await addCoAuthor({ proposalId, email: address });
    if (result.error) {
      // The API names the field `email`; a refusal without a field (quota, at most 5) is shown there too.
      return show(result.error, (problems): FormProblems => {
        const at = formMessageAt('email')(problems);
        const fields: Record<string, string> = at.fields.email ? { coAuthorEmail: at.fields.email } : {};
        return { fields, form: at.form };
      });
    }
    setEmail('');
    setDone(p.coAuthor.sent(address));
    announce(p.coAuthor.sent(address));
  };

  return (
    <section aria-labelledby="coautoria">
      <h2 id="coautoria">{p.coAuthor.title}</h2>
      <p>{p.coAuthor.intro}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormMessage message={problems.form} focusRef={formMessage} />
        <TextField
          name="coAuthorEmail"
          type="email"
          autoComplete="off"
          label={p.coAuthor.email}
          hint={p.coAuthor.emailHint}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.fields.coAuthorEmail}
        />
        <button type="submit" aria-disabled={state.fetching ? true : undefined}>
          {state.fetching ? p.coAuthor.inviting : p.coAuthor.invite}
        </button>
        {done && <p className="proposal-done">{done}</p>}
      </form>
    </section>
  );
}

function AuthorTools({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const announce = useAnnounce();
  const [withdrawState, withdraw] = useMutation(WithdrawProposalDocument);
  const [submitState, submitDraft] = useMutation(SubmitDraftDocument);
  const [confirming, setConfirming] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const ended = proposal.challenge.phase === 'FINISHED' || proposal.challenge.phase === 'CANCELLED';
  const canWithdraw = IN_PLAY.has(proposal.status) && !ended;

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  // Focus goes back to «Retirar propuesta» once the dialog has closed (while it is open the page is inert).
  const backToOpener = useRef(false);
  useEffect(() => {
    if (confirming || !backToOpener.current) return;
    backToOpener.current = false;
    opener.current?.focus();
  }, [confirming]);

  const cancel = () => {
    backToOpener.current = true;
    setConfirming(false);
  };
  const confirm = async () => {
    if (withdrawState.fetching) return;
    const result = await withdraw({ id: proposal.id });
    if (result.error) {
      setDialogError(formProblems(result.error).form ?? texts.errors.generic);
      return;
    }
    setConfirming(false);
    announce(p.withdraw.done);
    setMessage(p.withdraw.done);
    onChanged();
  };
  const send = async () => {
    if (submitState.fetching) return;
    const result = await submitDraft({ id: proposal.id });
    if (result.error) {
      const problems = formProblems(result.error);
      setSubmitError(problems.form ?? Object.values(problems.fields).join(' '));
      return;
    }
    setSubmitError(null);
    announce(p.sent);
    setMessage(p.sent);
    onChanged();
  };

  return (
    <>
      <section aria-labelledby="tu-propuesta">
        <h2 id="tu-propuesta">{p.page.yours}</h2>
        {message && (
          <p ref={messageRef} tabIndex={-1} className="proposal-done">
            {message}
          </p>
        )}
        {IN_PLAY.has(proposal.status) && !proposal.viewerCanEdit && <p>{p.page.editClosed}</p>}
        <p className="proposal-actions">
          {proposal.viewerCanEdit && IN_PLAY.has(proposal.status) && (
            <Link className="button" to={`/propuestas/${proposal.id}/editar`}>
              {p.page.edit}
            </Link>
          )}
          {proposal.status === 'DRAFT' && (
            <button type="button" onClick={() => void send()} aria-disabled={submitState.fetching ? true : undefined}>
              {p.submit}
            </button>
          )}
          {canWithdraw && (
            <button
              ref={opener}
              type="button"
              className="button-secondary"
              onClick={() => {
                setDialogError(null);
                setConfirming(true);
              }}
            >
              {p.page.withdraw}
            </button>
          )}
        </p>
        {submitError && (
          <p className="form-error" role="alert">
            {submitError}
          </p>
        )}
      </section>
      {proposal.viewerCanEdit && IN_PLAY.has(proposal.status) && <CoAuthorForm proposalId={proposal.id} />}
      {confirming && (
        <WithdrawDialog
          title={proposal.title}
          busy={withdrawState.fetching}
          error={dialogError}
          onCancel={cancel}
          onConfirm={() => void confirm()}
        />
      )}
    </>
  );
}

export function ProposalPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [result, reexecute] = useQuery({ query: ProposalPageDocument, variables: { id } });
  if (result.fetching && !result.data) return <Page title={texts.loading} />;
  if (result.error && !result.data) {
    // A malformed id is refused by the API as invalid input: for the person it is a page that does not exist.
    if (result.error.graphQLErrors.length) return <NotFoundPage />;
    return (
      <Page title={texts.errors.errorTitle}>
        <p role="alert">{texts.errors.network}</p>
      </Page>
    );
  }
  const proposal = result.data?.proposal;
  if (!proposal) return <NotFoundPage />;
  const isAuthor = !!session.viewer && proposal.author?.id === session.viewer.id;
  const anonymous = p.page.anonymous;
  return (
    <Page title={proposal.title}>
      <p>
        <span className="badge">{p.status[proposal.status]}</span>
      </p>
      <ModerationNotice proposal={proposal} />
      {proposal.status === 'WITHDRAWN' && <p>{p.page.withdrawn}</p>}
      {proposal.status === 'DRAFT' && <p>{p.page.draft}</p>}
      <dl className="facts">
        <dt>{p.page.challenge}</dt>
        <dd>
          <Link to={`/retos/${proposal.challenge.slug}`}>{proposal.challenge.title}</Link>
        </dd>
        <dt>{p.page.author}</dt>
        <dd>{proposal.author?.displayName ?? anonymous}</dd>
        {proposal.coAuthors.length > 0 && (
          <>
            <dt>{p.page.coAuthors}</dt>
            <dd>{proposal.coAuthors.map((person) => person.displayName || anonymous).join(', ')}</dd>
          </>
        )}
        <dt>{p.page.status}</dt>
        <dd>{p.status[proposal.status]}</dd>
        {proposal.submittedAt && (
          <>
            <dt>{p.page.submittedAt}</dt>
            <dd>{formatDateTime(proposal.submittedAt)}</dd>
          </>
        )}
        {proposal.estimatedCost && (
          <>
            <dt>{p.page.cost}</dt>
            <dd>{formatMoney(proposal.estimatedCost)}</dd>
          </>
        )}
        {proposal.voteCount !== null && proposal.voteCount !== undefined && proposal.voteCount > 0 && (
          <>
            <dt>{p.page.votesLabel}</dt>
            <dd>{p.page.votes(proposal.voteCount)}</dd>
          </>
        )}
      </dl>
      {!proposal.contentHidden && (
        <>
          <section aria-labelledby="resumen">
            <h2 id="resumen">{p.page.summary}</h2>
            <p className="lead">{proposal.summary}</p>
          </section>
          <section aria-labelledby="propuesta-completa">
            <h2 id="propuesta-completa">{p.page.body}</h2>
            <TextBlocks text={proposal.body} />
          </section>
          {proposal.links.length > 0 && (
            <section aria-labelledby="enlaces">
              <h2 id="enlaces">{p.page.links}</h2>
              <ul>
                {proposal.links.map((link) => (
                  <li key={link}>
                    {isWebLink(link) ? (
                      <a href={link} rel="noopener noreferrer nofollow ugc">
                        {link}
                      </a>
                    ) : (
                      link
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {isAuthor && <AuthorTools proposal={proposal} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!isAuthor && proposal.viewerCanEdit && IN_PLAY.has(proposal.status) && (
        <p>
          <Link className="button" to={`/propuestas/${proposal.id}/editar`}>
            {p.page.edit}
          </Link>
        </p>
      )}
    </Page>
  );
}
