// The proposal's text fields, shared by «Nueva propuesta» and «Editar», and the notice of a restored local draft.
import { TextAreaField, TextField } from '../../shared/field';
import { formatDateTime } from '../../shared/format';
import type { DraftText } from './local-draft';
import { proposalTexts as p } from './proposal-texts';

export const PROPOSAL_FIELDS = ['title', 'summary', 'body', 'estimatedCost'] as const;

export function ProposalFields({
  values,
  onChange,
  errors,
}: {
  values: DraftText;
  onChange: (values: DraftText) => void;
  errors: Record<string, string>;
}) {
  const change = (name: keyof DraftText) => (event: { target: { value: string } }) =>
    onChange({ ...values, [name]: event.target.value });
  return (
    <>
      <TextField
        name="title"
        label={p.title}
        hint={p.titleHint}
        required
        value={values.title}
        onChange={change('title')}
        error={errors.title}
      />
      <TextAreaField
        name="summary"
        label={p.summary}
        hint={p.summaryHint}
        required
        rows={3}
        value={values.summary}
        onChange={change('summary')}
        error={errors.summary}
      />
      <TextAreaField
        name="body"
        label={p.body}
        hint={p.bodyHint}
        required
        rows={10}
        value={values.body}
        onChange={change('body')}
        error={errors.body}
      />
      <TextField
        name="estimatedCost"
        label={p.estimatedCost}
        inputMode="decimal"
        value={values.estimatedCost}
        onChange={change('estimatedCost')}
        error={errors.estimatedCost}
      />
    </>
  );
}

/** «Recuperamos tu borrador…» with the way to throw it away. */
export function RestoredDraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  return (
    <div className="draft-notice">
      <p>{p.draftRestored(formatDateTime(savedAt))}</p>
      <p>
        <button type="button" className="button-secondary" onClick={onDiscard}>
          {p.discardDraft}
        </button>
      </p>
    </div>
  );
}
