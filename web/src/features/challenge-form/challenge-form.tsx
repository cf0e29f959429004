// The guided "Nuevo reto" form: six steps, each a fieldset under its heading, checked before moving on; the
// schedule is checked as the official types; the last step previews what will happen and saves or publishes.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { BudgetRule, ChallengeCategory, RoundKind, VotingMethod } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { FormMessage, TextAreaField, TextField } from '../../shared/field';
import { formatDateTime, formatMoney } from '../../shared/format';
import { formProblems, type ApiErrorLike } from '../../shared/graphql-errors';
import { texts } from '../../shared/texts';
import { formTexts as t } from './challenge-form-texts';
import { CheckField, RadioGroup, SelectField } from './form-fields';
import {
  allProblems,
  challengeInput,
  emptyRound,
  hasEvaluation,
  liveScheduleProblems,
  publicWeightAllowed,
  STEP_COUNT,
  stepOf,
  stepProblems,
  tagList,
  type FormValues,
} from './form-state';
import { moveRound, roundsInput, type Problems, type RoundDraft } from './schedule-rules';
import { weightSum, WEIGHT_SUM, workedExample, type CriterionDraft } from './weight-rules';
import './challenge-form.css';

const CreateChallenge = graphql(`
  mutation CreateChallengeDraft($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      id
      slug
    }
  }
`);

const UpdateChallenge = graphql(`
  mutation UpdateChallengeDraft($id: ID!, $input: UpdateChallengeInput!) {
    updateChallenge(id: $id, input: $input) {
      id
      slug
    }
  }
`);

const PublishChallenge = graphql(`
  mutation PublishChallengeDraft($id: ID!) {
    publishChallenge(id: $id) {
      id
      status
    }
  }
`);

export interface FormUnit {
  id: string;
  name: string;
  level: 'FEDERAL' | 'STATE' | 'MUNICIPAL';
  state?: { name: string } | null;
  municipality?: { name: string } | null;
  /** The viewer may publish (unit ADMIN or platform admin); editors only save drafts. */
  canPublish: boolean;
}

/** The API field paths the form shows at a field; any other refusal goes to the form message. */
const SHOWN_AT_FIELD =
  /^(title|summary|description|category|tags|budget|rounds(\.\d+\.(kind|title|opensAt|closesAt|advanceCount))?|criteria(\.\d+\.(name|weight|maxScore)|\.weights)?|settings\.(votingMethod|maxVotesPerVoter|voterBudget|minProjectsPerBallot|maxProjectsPerBallot|budgetRule|winnerCount|jurorsPerProposal|publicVoteWeight))$/;

const ROUND_KINDS: RoundKind[] = ['SUBMISSION', 'VOTING', 'EVALUATION'];
const METHODS: VotingMethod[] = ['SINGLE', 'MULTIPLE', 'BUDGET'];
const RULES: BudgetRule[] = ['GREEDY', 'EQUAL_SHARES'];

function territoryOf(unit: FormUnit): string {
  if (unit.level === 'FEDERAL') return t.territoryFederal;
  if (unit.level === 'STATE') return `${texts.level.STATE}: ${unit.state?.name ?? ''}`;
  return `${texts.level.MUNICIPAL}: ${unit.municipality?.name ?? ''}, ${unit.state?.name ?? ''}`;
}

function percent(value: number): string {
  return new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 }).format(value);
}

export function ChallengeForm({
  units,
  initial,
  draftId: initialDraftId = null,
}: {
  units: FormUnit[];
  initial: FormValues;
  draftId?: string | null;
}) {
  const client = useClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(initial);
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [draftId, setDraftId] = useState<string | null>(initialDraftId);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [focus, setFocus] = useState<{ target: 'heading' | 'problem'; n: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const unit = units.find((u) => u.id === values.unitId) ?? units[0];
  const evaluation = hasEvaluation(values);

  // What each field shows: the server's refusal (until the next change), the complete checks of every step
  // the person tried to leave, and the live schedule checks.
  const problems: Problems = { ...serverProblems };
  for (const s of checked) Object.assign(problems, stepProblems(s, values));
  Object.assign(problems, liveScheduleProblems(values));

  useEffect(() => {
    if (!focus) return;
    if (focus.target === 'heading') heading.current?.focus();
    else {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      else messageRef.current?.focus();
    }
  }, [focus]);

  const update = (patch: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setServerProblems({});
    setSavedNote(null);
  };
  const text = (name: keyof FormValues) => (event: { target: { value: string } }) =>
    update({ [name]: event.target.value });

  const setRound = (index: number, patch: Partial<RoundDraft>) =>
    update({ rounds: values.rounds.map((round, i) => (i === index ? { ...round, ...patch } : round)) });
  const setCriterion = (index: number, patch: Partial<CriterionDraft>) =>
    update({ criteria: values.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const showStep = (next: number) => {
    setStep(next);
    setFocus((f) => ({ target: 'heading', n: (f?.n ?? 0) + 1 }));
  };
  const showProblemsAt = (next: number) => {
    setStep(next);
    setFocus((f) => ({ target: 'problem', n: (f?.n ?? 0) + 1 }));
  };

  /** Moves to `target`, checking every step on the way forward; stops at the first with problems. */
  const goTo = (target: number) => {
    if (target <= step) return showStep(target);
    for (let s = step; s < target; s++) {
      if (Object.keys(stepProblems(s, values)).length) {
        setChecked((current) => new Set([...current, s]));
        setFormMessage(t.fixStep);
        return showProblemsAt(s);
      }
    }
    setFormMessage(null);
    showStep(target);
  };

  const refuse = (error: ApiErrorLike | undefined) => {
    const { fields, form } = formProblems(error);
    const atField: Problems = {};
    const elsewhere: string[] = form ? [form] : [];
    for (const [path, message] of Object.entries(fields)) {
      if (SHOWN_AT_FIELD.test(path)) atField[path] = message;
      else elsewhere.push(message);
    }
    setServerProblems(atField);
    setFormMessage(elsewhere.length ? elsewhere.join(' ') : Object.keys(atField).length ? t.fixStep : null);
    const first = Object.keys(atField)[0];
    showProblemsAt(first ? stepOf(first) : step);
  };

  const save = async (publish: boolean) => {
    const local = allProblems(values);
    const paths = Object.keys(local);
    if (paths.length) {
      setChecked(new Set(Array.from({ length: STEP_COUNT }, (_, s) => s)));
      setFormMessage(t.fixStep);
      return showProblemsAt(Math.min(...paths.map(stepOf)));
    }
    setBusy(publish ? 'publish' : 'save');
    setFormMessage(null);
    try {
      const input = challengeInput(values);
      let id = draftId;
      if (!id) {
        const created = await client.mutation(CreateChallenge, { input }).toPromise();
        if (!created.data) return refuse(created.error);
        id = created.data.createChallenge.id;
        setDraftId(id);
      } else {
        const { unitId: _unit, ...changes } = input;
        const updated = await client.mutation(UpdateChallenge, { id, input: changes }).toPromise();
        if (!updated.data) return refuse(updated.error);
      }
      if (!publish) {
        setSavedNote(t.saved);
        announce(t.saved);
        return;
      }
      const published = await client.mutation(PublishChallenge, { id }).toPromise();
      if (!published.data) return refuse(published.error);
      announce(t.published(values.title.trim()));
      await navigate(`/mi-unidad/retos/${id}/editar`);
    } finally {
      setBusy(null);
    }
  };

  const error = (path: string) => problems[path];

  const steps: ReactNode[] = [
    // 1. Basics and territory
    <>
      {units.length > 1 ? (
        <SelectField name="unitId" label={t.unit} value={values.unitId} onChange={text('unitId')} disabled={!!draftId}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>
          <strong>{t.unit}:</strong> {unit.name}
        </p>
      )}
      <p>
        <strong>{t.territory}:</strong> {territoryOf(unit)}
      </p>
      <p className="field-hint">{t.territoryHint}</p>
      <TextField
        name="title"
        label={t.title}
        hint={t.titleHint}
        value={values.title}
        onChange={text('title')}
        error={error('title')}
      />
      <TextAreaField
        name="summary"
        label={t.summary}
        hint={t.summaryHint}
        rows={3}
        value={values.summary}
        onChange={text('summary')}
        error={error('summary')}
      />
      <TextAreaField
        name="description"
        label={t.description}
        hint={t.descriptionHint}
        value={values.description}
        onChange={text('description')}
        error={error('description')}
      />
      <SelectField
        name="category"
        label={t.category}
        value={values.category}
        onChange={text('category')}
        error={error('category')}
      >
        <option value="">{t.chooseCategory}</option>
        {(Object.keys(texts.category) as ChallengeCategory[]).map((c) => (
          <option key={c} value={c}>
            {texts.category[c]}
          </option>
        ))}
      </SelectField>
      <TextField
        name="tags"
        label={t.tags}
        hint={t.tagsHint}
        value={values.tags}
        onChange={text('tags')}
        error={error('tags')}
      />
    </>,

    // 2. Schedule
    <>
      <p className="field-hint">{t.scheduleHint}</p>
      {error('rounds') && <p className="field-error">{error('rounds')}</p>}
      {values.rounds.map((round, index) => {
        const n = index + 1;
        const path = `rounds.${index}`;
        const last = index === values.rounds.length - 1;
        return (
          <fieldset className="round-editor" key={index}>
            <legend>
              {t.round(n)}: {texts.roundKind[round.kind]}
            </legend>
            <SelectField
              name={`${path}.kind`}
              label={t.roundKind(n)}
              value={round.kind}
              error={error(`${path}.kind`)}
              onChange={(e) =>
                setRound(index, {
                  kind: e.target.value as RoundKind,
                  title: t.defaultRoundTitle[e.target.value as RoundKind],
                })
              }
            >
              {ROUND_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {texts.roundKind[kind]}
                </option>
              ))}
            </SelectField>
            <TextField
              name={`${path}.title`}
              label={t.roundTitle(n)}
              value={round.title}
              error={error(`${path}.title`)}
              onChange={(e) => setRound(index, { title: e.target.value })}
            />
            <TextField
              name={`${path}.opensAt`}
              label={t.roundOpens(n)}
              type="datetime-local"
              value={round.opensAt}
              error={error(`${path}.opensAt`)}
              onChange={(e) => setRound(index, { opensAt: e.target.value })}
            />
            <TextField
              name={`${path}.closesAt`}
              label={t.roundCloses(n)}
              type="datetime-local"
              value={round.closesAt}
              error={error(`${path}.closesAt`)}
              onChange={(e) => setRound(index, { closesAt: e.target.value })}
            />
            {round.kind !== 'SUBMISSION' && (!last || round.advanceCount !== '') && (
              <TextField
                name={`${path}.advanceCount`}
                label={t.roundAdvance(n)}
                hint={t.advanceHint}
                inputMode="numeric"
                value={round.advanceCount}
                error={error(`${path}.advanceCount`)}
                onChange={(e) => setRound(index, { advanceCount: e.target.value })}
              />
            )}
            <div className="row-actions">
              <button
                type="button"
                className="button-secondary"
                disabled={index === 0}
                onClick={() => {
                  update({ rounds: moveRound(values.rounds, index, -1) });
                  announce(t.roundMoved(n - 1));
                }}
              >
                {t.moveUp(n)}
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={last}
                onClick={() => {
                  update({ rounds: moveRound(values.rounds, index, 1) });
                  announce(t.roundMoved(n + 1));
                }}
              >
                {t.moveDown(n)}
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={values.rounds.length <= 1}
                onClick={() => {
                  update({ rounds: values.rounds.filter((_, i) => i !== index) });
                  announce(t.roundRemoved(n));
                }}
              >
                {t.removeRound(n)}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="row-actions">
        {(['VOTING', 'EVALUATION'] as RoundKind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button-secondary"
            onClick={() => {
              update({ rounds: [...values.rounds, emptyRound(kind, t.defaultRoundTitle[kind])] });
              announce(t.roundAdded(values.rounds.length + 1));
            }}
          >
            {`${t.addRound}: ${texts.roundKind[kind]}`}
          </button>
        ))}
      </div>
    </>,

    // 3. Voting
    <>
      <RadioGroup
        name="settings.votingMethod"
        legend={t.votingMethod}
        value={values.votingMethod}
        error={error('settings.votingMethod')}
        options={METHODS.map((m) => ({
          value: m,
          label: t.votingMethodName[m],
          explanation: t.votingMethodExplained[m],
        }))}
        onChange={(votingMethod) => update({ votingMethod })}
      />
      {values.votingMethod === 'MULTIPLE' && (
        <TextField
          name="settings.maxVotesPerVoter"
          label={t.maxVotes}
          hint={t.maxVotesHint}
          inputMode="numeric"
          value={values.maxVotesPerVoter}
          onChange={text('maxVotesPerVoter')}
          error={error('settings.maxVotesPerVoter')}
        />
      )}
      <TextField
        name="budget"
        label={t.budget}
        hint={t.budgetHint}
        inputMode="decimal"
        value={values.budget}
        onChange={text('budget')}
        error={error('budget')}
      />
      {values.votingMethod === 'BUDGET' && (
        <>
          <TextField
            name="settings.voterBudget"
            label={t.voterBudget}
            hint={t.voterBudgetHint}
            inputMode="decimal"
            value={values.voterBudget}
            onChange={text('voterBudget')}
            error={error('settings.voterBudget')}
          />
          <TextField
            name="settings.minProjectsPerBallot"
            label={t.minProjects}
            hint={t.minProjectsHint}
            inputMode="numeric"
            value={values.minProjectsPerBallot}
            onChange={text('minProjectsPerBallot')}
            error={error('settings.minProjectsPerBallot')}
          />
          <TextField
            name="settings.maxProjectsPerBallot"
            label={t.maxProjects}
            hint={t.maxProjectsHint}
            inputMode="numeric"
            value={values.maxProjectsPerBallot}
            onChange={text('maxProjectsPerBallot')}
            error={error('settings.maxProjectsPerBallot')}
          />
          <RadioGroup
            name="settings.budgetRule"
            legend={t.budgetRule}
            value={values.budgetRule}
            error={error('settings.budgetRule')}
            options={RULES.map((r) => ({
              value: r,
              label: t.budgetRuleName[r],
              explanation: t.budgetRuleExplained[r],
            }))}
            onChange={(budgetRule) => update({ budgetRule })}
          />
        </>
      )}
      <TextField
        name="settings.winnerCount"
        label={t.winnerCount}
        hint={t.winnerCountHint}
        inputMode="numeric"
        value={values.winnerCount}
        onChange={text('winnerCount')}
        error={error('settings.winnerCount')}
      />
      <CheckField
        name="settings.showLiveTally"
        label={t.showLiveTally}
        checked={values.showLiveTally}
        onChange={(showLiveTally) => update({ showLiveTally })}
      />
    </>,

    // 4. Eligibility
    <>
      <CheckField
        name="settings.residentsOnly"
        label={t.residentsOnly}
        hint={t.residentsOnlyHint}
        checked={values.residentsOnly}
        onChange={(residentsOnly) => update({ residentsOnly })}
      />
      <CheckField
        name="settings.requireCurp"
        label={t.requireCurp}
        hint={t.requireCurpHint}
        checked={values.requireCurp}
        onChange={(requireCurp) => update({ requireCurp })}
      />
    </>,

    // 5. Evaluation and results
    evaluation ? (
      <EvaluationStep values={values} error={error} update={update} setCriterion={setCriterion} />
    ) : (
      <p>{t.noEvaluation}</p>
    ),

    // 6. Preview
    <Preview values={values} unit={unit} />,
  ];

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (step < STEP_COUNT - 1) goTo(step + 1);
      }}
    >
      <nav aria-label={t.stepsLabel}>
        <ol className="stepper">
          {t.steps.map((name, index) => (
            <li key={name}>
              <button
                type="button"
                className="button-secondary"
                aria-current={index === step ? 'step' : undefined}
                onClick={() => goTo(index)}
              >
                {`${index + 1}. ${name}`}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <FormMessage message={formMessage} focusRef={messageRef} />
      <fieldset className="form-step">
        <legend>
          <h2 ref={heading} tabIndex={-1}>
            <span className="visually-hidden">{t.stepOf(step + 1, STEP_COUNT)}: </span>
            {t.steps[step]}
          </h2>
        </legend>
        {steps[step]}
      </fieldset>
      {savedNote && <p className="form-success">{savedNote}</p>}
      <div className="step-actions">
        {step > 0 && (
          <button type="button" className="button-secondary" onClick={() => goTo(step - 1)}>
            {t.previous}
          </button>
        )}
        {step < STEP_COUNT - 1 ? (
          <button type="submit">{t.next}</button>
        ) : (
          <>
            <button type="button" className="button-secondary" disabled={!!busy} onClick={() => void save(false)}>
              {busy === 'save' ? t.saving : t.saveDraft}
            </button>
            {unit.canPublish && (
              <button type="button" disabled={!!busy} onClick={() => void save(true)}>
                {busy === 'publish' ? t.publishing : t.publish}
              </button>
            )}
          </>
        )}
      </div>
    </form>
  );
}

function EvaluationStep({
  values,
  error,
  update,
  setCriterion,
}: {
  values: FormValues;
  error: (path: string) => string | undefined;
  update: (patch: Partial<FormValues>) => void;
  setCriterion: (index: number, patch: Partial<CriterionDraft>) => void;
}) {
  const sumError = error(WEIGHT_SUM);
  const allowed = publicWeightAllowed(values);
  const example = workedExample(values.criteria, allowed ? values.publicWeight : '0');
  return (
    <>
      <fieldset className="form-group">
        <legend>{t.rubric}</legend>
        <p className="field-hint">{t.rubricHint}</p>
        {error('criteria') && <p className="field-error">{error('criteria')}</p>}
        {values.criteria.map((criterion, index) => {
          const n = index + 1;
          const path = `criteria.${index}`;
          const weightError = error(`${path}.weight`);
          return (
            <fieldset className="criterion-editor" key={index}>
              <legend>{t.criterion(n)}</legend>
              <TextField
                name={`${path}.name`}
                label={t.criterionName(n)}
                value={criterion.name}
                error={error(`${path}.name`)}
                onChange={(e) => setCriterion(index, { name: e.target.value })}
              />
              <TextField
                name={`${path}.description`}
                label={t.criterionDescription(n)}
                value={criterion.description}
                onChange={(e) => setCriterion(index, { description: e.target.value })}
              />
              <div className={weightError || sumError ? 'field field-invalid' : 'field'}>
                <label htmlFor={`${path}.weight`}>{t.criterionWeight(n)}</label>
                {weightError && (
                  <p className="field-error" id={`${path}.weight-error`}>
                    {weightError}
                  </p>
                )}
                <input
                  id={`${path}.weight`}
                  name={`${path}.weight`}
                  inputMode="decimal"
                  value={criterion.weight}
                  aria-invalid={weightError || sumError ? true : undefined}
                  aria-describedby={
                    [weightError && `${path}.weight-error`, sumError && 'criteria-weights-error']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  onChange={(e) => setCriterion(index, { weight: e.target.value })}
                />
              </div>
              <TextField
                name={`${path}.maxScore`}
                label={t.criterionMaxScore(n)}
                inputMode="numeric"
                value={criterion.maxScore}
                error={error(`${path}.maxScore`)}
                onChange={(e) => setCriterion(index, { maxScore: e.target.value })}
              />
              <div className="row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => update({ criteria: values.criteria.filter((_, i) => i !== index) })}
                >
                  {t.removeCriterion(n)}
                </button>
              </div>
            </fieldset>
          );
        })}
        <p>{t.weightSum(percent(weightSum(values.criteria)))}</p>
        {sumError && (
          <p className="field-error" id="criteria-weights-error">
            {sumError}
          </p>
        )}
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            update({ criteria: [...values.criteria, { name: '', description: '', weight: '', maxScore: '10' }] })
          }
        >
          {t.addCriterion}
        </button>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.jury}</legend>
        <CheckField
          name="settings.blindEvaluation"
          label={t.blindEvaluation}
          checked={values.blindEvaluation}
          onChange={(blindEvaluation) => update({ blindEvaluation })}
        />
        <TextField
          name="settings.jurorsPerProposal"
          label={t.jurorsPerProposal}
          hint={t.jurorsPerProposalHint}
          inputMode="numeric"
          value={values.jurorsPerProposal}
          onChange={(e) => update({ jurorsPerProposal: e.target.value })}
          error={error('settings.jurorsPerProposal')}
        />
        <CheckField
          name="settings.normalizeJurorScores"
          label={t.normalize}
          hint={t.normalizeHint}
          checked={values.normalizeJurorScores}
          onChange={(normalizeJurorScores) => update({ normalizeJurorScores })}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.results}</legend>
        {allowed && (
          <>
            <TextField
              name="settings.publicVoteWeight"
              label={t.publicWeight}
              hint={t.publicWeightHint}
              inputMode="decimal"
              value={values.publicWeight}
              onChange={(e) => update({ publicWeight: e.target.value })}
              error={error('settings.publicVoteWeight')}
            />
            <p>{t.juryWeight(percent(100 - (Number(values.publicWeight.replace(',', '.')) || 0)))}</p>
          </>
        )}
        <section className="worked-example" aria-labelledby="worked-example-title">
          <h3 id="worked-example-title">{t.example}</h3>
          {example ? (
            <>
              <ul>
                {example.lines.map((line) => (
                  <li key={line.name}>{t.exampleLine(line.name, line.score, line.maxScore, percent(line.weight))}</li>
                ))}
              </ul>
              <p>
                {t.exampleJury(
                  `100 × (${example.lines.map((l) => `${percent(l.weight / 100)} × ${l.score}/${l.maxScore}`).join(' + ')})`,
                  percent(example.jury),
                )}
              </p>
              {example.publicWeight > 0 && (
                <>
                  <p>{t.exampleVote(percent(example.vote))}</p>
                  <p>
                    {t.exampleFinal(
                      `${percent(1 - example.publicWeight / 100)} × ${percent(example.jury)} + ${percent(example.publicWeight / 100)} × ${percent(example.vote)}`,
                      percent(example.final),
                    )}
                  </p>
                </>
              )}
            </>
          ) : (
            <p>{t.exampleUnavailable}</p>
          )}
        </section>
      </fieldset>
    </>
  );
}

function Preview({ values, unit }: { values: FormValues; unit: FormUnit }) {
  const rounds = roundsInput(values.rounds);
  const winners = Number(values.winnerCount) || 1;
  const valid = rounds.every((r) => r.opensAt && r.closesAt);
  return (
    <>
      <h3>{t.preview}</h3>
      <dl>
        <dt>{t.title}</dt>
        <dd>{values.title}</dd>
        <dt>{t.summary}</dt>
        <dd>{values.summary}</dd>
        <dt>{t.unit}</dt>
        <dd>{unit.name}</dd>
        <dt>{t.territory}</dt>
        <dd>{territoryOf(unit)}</dd>
        <dt>{t.category}</dt>
        <dd>{values.category ? texts.category[values.category] : ''}</dd>
        {tagList(values.tags).length > 0 && (
          <>
            <dt>{t.tags}</dt>
            <dd>{tagList(values.tags).join(', ')}</dd>
          </>
        )}
        <dt>{t.votingMethod}</dt>
        <dd>
          {t.votingMethodName[values.votingMethod]}
          {values.votingMethod === 'MULTIPLE' &&
            ` (${values.maxVotesPerVoter} ${values.maxVotesPerVoter === '1' ? 'voto' : 'votos'})`}
          {values.votingMethod === 'BUDGET' && ` · ${t.budgetRuleName[values.budgetRule]}`}
        </dd>
        {values.budget.trim() && (
          <>
            <dt>{t.budget}</dt>
            <dd>{formatMoney(values.budget.replace(/[$\s,]/g, ''))}</dd>
          </>
        )}
        <dt>{t.eligibility}</dt>
        <dd>{t.eligibilitySummary(values.residentsOnly, values.requireCurp)}</dd>
        {hasEvaluation(values) && (
          <>
            <dt>{t.rubric}</dt>
            <dd>{values.criteria.map((c) => `${c.name.trim()} (${c.weight} %, máx. ${c.maxScore})`).join('; ')}</dd>
            {publicWeightAllowed(values) && (
              <>
                <dt>{t.results}</dt>
                <dd>{`${t.juryWeight(percent(100 - (Number(values.publicWeight) || 0)))} ${t.publicWeight}: ${values.publicWeight || '0'} %.`}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <h3>{t.whatHappens}</h3>
      {valid && (
        <ol>
          {rounds.map((round, index) => (
            <li key={index}>
              {t.roundSummary(
                texts.roundKind[round.kind],
                round.title,
                formatDateTime(round.opensAt),
                formatDateTime(round.closesAt),
              )}{' '}
              {texts.roundKindExplained[round.kind]}
              {round.advanceCount !== null && ` ${t.advanceSummary(round.advanceCount)}`}
            </li>
          ))}
        </ol>
      )}
      <p>{t.winnersSummary(winners)}</p>
      <p>{t.draftNote}</p>
    </>
  );
}
