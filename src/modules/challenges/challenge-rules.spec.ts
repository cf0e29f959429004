import {
  applySettingsDefaults,
  challengePlanViolations,
  type ChallengePlan,
  type CriterionPlan,
  type RoundKind,
  type RoundPlan,
  type SettingsPlan,
} from './challenge-rules.js';

const day = (n: number): Date => new Date(Date.UTC(2030, 0, 1 + n));

function round(kind: RoundKind, fromDay: number, toDay: number, advanceCount: number | null = null): RoundPlan {
  return { kind, title: `Ronda ${kind}`, opensAt: day(fromDay), closesAt: day(toDay), advanceCount };
}

const criterion = (name: string, weight = 1, maxScore = 10): CriterionPlan => ({ name, weight, maxScore });

function settings(overrides: Partial<SettingsPlan> = {}): SettingsPlan {
  return { ...applySettingsDefaults({ maxVotesPerVoter: 3 }), ...overrides };
}

/** SUBMISSION then a final VOTING round, MULTIPLE with 3 votes: valid. */
function simplePlan(overrides: Partial<ChallengePlan> = {}): ChallengePlan {
  return {
    budget: null,
    settings: settings(),
    rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20)],
    criteria: [],
    ...overrides,
  };
}

/** SUBMISSION, VOTING (advance 5), final EVALUATION weighing the public vote: valid. */
function evaluationPlan(overrides: Partial<ChallengePlan> = {}): ChallengePlan {
  return {
    budget: null,
    settings: settings({ winnerCount: 2, publicVoteWeight: 0.4 }),
    rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20, 5), round('EVALUATION', 20, 30)],
    criteria: [criterion('Impacto', 2, 10), criterion('Viabilidad', 1, 5)],
    ...overrides,
  };
}

/** A participatory budget of $1,000,000.00 with a final VOTING round: valid. */
function budgetPlan(overrides: Partial<ChallengePlan> = {}): ChallengePlan {
  return {
    budget: 100_000_000n,
    settings: settings({
      votingMethod: 'BUDGET',
      maxVotesPerVoter: null,
      budgetRule: 'EQUAL_SHARES',
      voterBudget: 100_000_000n,
    }),
    rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20)],
    criteria: [],
    ...overrides,
  };
}

const pathsOf = (plan: ChallengePlan): string[] => challengePlanViolations(plan).map((v) => v.path);

describe('applySettingsDefaults', () => {
  it('fills every contract default when nothing is given', () => {
    expect(applySettingsDefaults({})).toEqual({
      winnerCount: 1,
      votingMethod: 'MULTIPLE',
      maxVotesPerVoter: null,
      voterBudget: null,
      minProjectsPerBallot: null,
      maxProjectsPerBallot: null,
      budgetRule: null,
      publicVoteWeight: 0,
      normalizeJurorScores: false,
      blindEvaluation: true,
      minEvaluationsPerProposal: 1,
      jurorsPerProposal: null,
      requireCurp: false,
      residentsOnly: false,
      showLiveTally: true,
    });
  });

  it('treats null like a missing value', () => {
    const filled = applySettingsDefaults({ winnerCount: null, blindEvaluation: null, showLiveTally: null });
    expect(filled.winnerCount).toBe(1);
    expect(filled.blindEvaluation).toBe(true);
    expect(filled.showLiveTally).toBe(true);
  });

  it('keeps given values, including false and 0', () => {
    const filled = applySettingsDefaults({
      winnerCount: 3,
      votingMethod: 'SINGLE',
      blindEvaluation: false,
      showLiveTally: false,
      publicVoteWeight: 0,
      requireCurp: true,
      jurorsPerProposal: 4,
    });
    expect(filled).toMatchObject({
      winnerCount: 3,
      votingMethod: 'SINGLE',
      blindEvaluation: false,
      showLiveTally: false,
      publicVoteWeight: 0,
      requireCurp: true,
      jurorsPerProposal: 4,
    });
  });

  it('leaves a BUDGET challenge without a voter budget uncapped and without ballot length limits', () => {
    const plan = applySettingsDefaults({ votingMethod: 'BUDGET' });
    expect(plan.voterBudget).toBeNull();
    expect(plan.minProjectsPerBallot).toBeNull();
    expect(plan.maxProjectsPerBallot).toBeNull();
  });

  it('keeps the voter budget and ballot length limits given for a BUDGET challenge', () => {
    expect(
      applySettingsDefaults({
        votingMethod: 'BUDGET',
        voterBudget: 1_000_00n,
        minProjectsPerBallot: 2,
        maxProjectsPerBallot: 15,
      }),
    ).toMatchObject({ voterBudget: 1_000_00n, minProjectsPerBallot: 2, maxProjectsPerBallot: 15 });
  });

  it('gives no voter budget to other voting methods', () => {
    expect(applySettingsDefaults({ votingMethod: 'MULTIPLE' }).voterBudget).toBeNull();
  });
});

describe('challengePlanViolations', () => {
  describe('valid plans', () => {
    it.each([
      ['submission then voting', simplePlan()],
      ['submission, voting, weighted evaluation', evaluationPlan()],
      ['participatory budget', budgetPlan()],
      [
        'participatory budget without a voter budget (no cost cap)',
        budgetPlan({ settings: { ...budgetPlan().settings, voterBudget: null } }),
      ],
      ['SINGLE vote', simplePlan({ settings: settings({ votingMethod: 'SINGLE', maxVotesPerVoter: null }) })],
      ['a prize budget without BUDGET voting', simplePlan({ budget: 50_000_00n })],
      [
        'a non-final voting round without advanceCount (all proposals go on)',
        evaluationPlan({ rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20), round('EVALUATION', 20, 30)] }),
      ],
      [
        'public vote weight of exactly 1',
        evaluationPlan({ settings: settings({ winnerCount: 2, publicVoteWeight: 1 }) }),
      ],
    ])('accepts %s', (_name, plan) => {
      expect(challengePlanViolations(plan)).toEqual([]);
    });
  });

  describe('rounds', () => {
    it('needs at least two rounds', () => {
      expect(challengePlanViolations(simplePlan({ rounds: [round('SUBMISSION', 0, 10)] }))).toEqual([
        { path: 'rounds', message: expect.stringContaining('al menos 2 rondas'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('refuses a plan without rounds', () => {
      expect(pathsOf(simplePlan({ rounds: [] }))).toEqual(['rounds']);
    });

    it('needs the first round to be SUBMISSION', () => {
      const plan = simplePlan({ rounds: [round('VOTING', 0, 10), round('VOTING', 10, 20)] });
      expect(challengePlanViolations(plan)).toEqual([
        { path: 'rounds.0.kind', message: expect.any(String), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('allows only one SUBMISSION round', () => {
      const plan = simplePlan({
        rounds: [round('SUBMISSION', 0, 10), round('SUBMISSION', 10, 15), round('VOTING', 15, 20)],
      });
      expect(pathsOf(plan)).toEqual(['rounds.1.kind']);
    });

    it('needs each round to close after it opens', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 0, 10), round('VOTING', 12, 12)] });
      expect(challengePlanViolations(plan)).toEqual([
        { path: 'rounds.1.closesAt', message: 'La ronda 2 debe cerrar después de abrir.', reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('refuses a round closing before it opens', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 5, 2), round('VOTING', 10, 20)] });
      expect(pathsOf(plan)).toEqual(['rounds.0.closesAt']);
    });

    it('refuses a round opening before the previous one closes', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 0, 10), round('VOTING', 9, 20)] });
      expect(challengePlanViolations(plan)).toEqual([
        {
          path: 'rounds.1.opensAt',
          message: 'La ronda 2 no puede abrir antes de que cierre la ronda 1.',
          reason: 'INVALID_SCHEDULE',
        },
      ]);
    });

    it('refuses rounds listed out of order', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 10, 20), round('VOTING', 0, 5)] });
      expect(pathsOf(plan)).toEqual(['rounds.1.opensAt']);
    });

    it('accepts a round opening exactly when the previous one closes', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20)] });
      expect(challengePlanViolations(plan)).toEqual([]);
    });

    it('refuses invalid dates with a message about the date, not the order', () => {
      const broken = { ...round('VOTING', 10, 20), opensAt: new Date('no es fecha') };
      const plan = simplePlan({ rounds: [round('SUBMISSION', 0, 10), broken] });
      expect(challengePlanViolations(plan)).toEqual([
        {
          path: 'rounds.1.opensAt',
          message: 'La fecha de apertura de la ronda 2 no es válida.',
          reason: 'INVALID_SCHEDULE',
        },
      ]);
    });

    it('needs a title on every round', () => {
      const plan = simplePlan({ rounds: [round('SUBMISSION', 0, 10), { ...round('VOTING', 10, 20), title: '   ' }] });
      expect(pathsOf(plan)).toEqual(['rounds.1.title']);
    });
  });

  describe('advanceCount', () => {
    const withRounds = (rounds: RoundPlan[], winnerCount = 2) =>
      evaluationPlan({ rounds, settings: settings({ winnerCount, publicVoteWeight: 0 }) });

    it('is refused on the SUBMISSION round', () => {
      const plan = withRounds([round('SUBMISSION', 0, 10, 5), round('VOTING', 10, 20, 5), round('EVALUATION', 20, 30)]);
      expect(challengePlanViolations(plan)).toEqual([
        { path: 'rounds.0.advanceCount', message: expect.any(String), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('is refused on the final round', () => {
      const plan = withRounds([round('SUBMISSION', 0, 10), round('VOTING', 10, 20, 5), round('EVALUATION', 20, 30, 2)]);
      expect(pathsOf(plan)).toEqual(['rounds.2.advanceCount']);
    });

    it('cannot be smaller than winnerCount', () => {
      const plan = withRounds([round('SUBMISSION', 0, 10), round('VOTING', 10, 20, 2), round('EVALUATION', 20, 30)], 3);
      expect(challengePlanViolations(plan)).toEqual([
        {
          path: 'rounds.1.advanceCount',
          message: 'En la ronda 2 avanzan 2 propuestas, menos que los 3 ganadores del reto.',
          reason: 'INVALID_SCHEDULE',
        },
      ]);
    });

    it('may equal winnerCount', () => {
      const plan = withRounds([round('SUBMISSION', 0, 10), round('VOTING', 10, 20, 3), round('EVALUATION', 20, 30)], 3);
      expect(challengePlanViolations(plan)).toEqual([]);
    });

    it('cannot grow from one round to a later one', () => {
      const plan = withRounds([
        round('SUBMISSION', 0, 10),
        round('VOTING', 10, 20, 5),
        round('EVALUATION', 20, 25, 8),
        round('EVALUATION', 25, 30),
      ]);
      expect(challengePlanViolations(plan)).toEqual([
        { path: 'rounds.2.advanceCount', message: expect.stringContaining('(8)'), reason: 'INVALID_SCHEDULE' },
      ]);
    });

    it('compares with the last round that set it, skipping rounds that let everyone through', () => {
      const plan = withRounds([
        round('SUBMISSION', 0, 10),
        round('VOTING', 10, 15, 5),
        round('VOTING', 15, 20),
        round('EVALUATION', 20, 25, 6),
        round('EVALUATION', 25, 30),
      ]);
      expect(pathsOf(plan)).toEqual(['rounds.3.advanceCount']);
    });

    it('may stay equal across rounds', () => {
      const plan = withRounds([
        round('SUBMISSION', 0, 10),
        round('VOTING', 10, 20, 5),
        round('EVALUATION', 20, 25, 5),
        round('EVALUATION', 25, 30),
      ]);
      expect(challengePlanViolations(plan)).toEqual([]);
    });

    it.each([0, -1, 2.5])('must be a positive integer (%p)', (count) => {
      const plan = withRounds([
        round('SUBMISSION', 0, 10),
        round('VOTING', 10, 20, count),
        round('EVALUATION', 20, 30),
      ]);
      expect(pathsOf(plan)).toEqual(['rounds.1.advanceCount']);
    });
  });

  describe('criteria', () => {
    it('are required when there is an EVALUATION round', () => {
      expect(challengePlanViolations(evaluationPlan({ criteria: [] }))).toEqual([
        { path: 'criteria', message: 'Las rondas de evaluación necesitan al menos un criterio.' },
      ]);
    });

    it('are refused when no round would use them', () => {
      expect(pathsOf(simplePlan({ criteria: [criterion('Impacto')] }))).toEqual(['criteria']);
    });

    it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])('need a positive finite weight (%p)', (weight) => {
      expect(pathsOf(evaluationPlan({ criteria: [criterion('Impacto'), criterion('Costo', weight)] }))).toEqual([
        'criteria.1.weight',
      ]);
    });

    it('accept a fractional weight', () => {
      expect(pathsOf(evaluationPlan({ criteria: [criterion('Impacto', 0.25)] }))).toEqual([]);
    });

    it.each([0, 101, 7.5])('need an integer maxScore between 1 and 100 (%p)', (maxScore) => {
      expect(challengePlanViolations(evaluationPlan({ criteria: [criterion('Impacto', 1, maxScore)] }))).toEqual([
        { path: 'criteria.0.maxScore', message: expect.stringContaining('entre 1 y 100') },
      ]);
    });

    it.each([1, 100])('accept maxScore %p', (maxScore) => {
      expect(pathsOf(evaluationPlan({ criteria: [criterion('Impacto', 1, maxScore)] }))).toEqual([]);
    });

    it('need a name', () => {
      expect(pathsOf(evaluationPlan({ criteria: [criterion(' ')] }))).toEqual(['criteria.0.name']);
    });

    it('need distinct names, ignoring case and surrounding spaces', () => {
      expect(pathsOf(evaluationPlan({ criteria: [criterion('Impacto'), criterion(' impacto ')] }))).toEqual([
        'criteria.1.name',
      ]);
    });
  });

  describe('winnerCount', () => {
    it.each([0, -1, 1.5])('must be a positive integer (%p)', (winnerCount) => {
      expect(pathsOf(simplePlan({ settings: settings({ winnerCount }) }))).toEqual(['settings.winnerCount']);
    });
  });

  describe('voting method', () => {
    it.each([null, 0, 1.5])('MULTIPLE needs maxVotesPerVoter ≥ 1 (%p)', (maxVotesPerVoter) => {
      expect(pathsOf(simplePlan({ settings: settings({ maxVotesPerVoter }) }))).toEqual(['settings.maxVotesPerVoter']);
    });

    it('MULTIPLE accepts a single vote per voter', () => {
      expect(pathsOf(simplePlan({ settings: settings({ maxVotesPerVoter: 1 }) }))).toEqual([]);
    });

    it('refuses maxVotesPerVoter with SINGLE', () => {
      expect(pathsOf(simplePlan({ settings: settings({ votingMethod: 'SINGLE', maxVotesPerVoter: 2 }) }))).toEqual([
        'settings.maxVotesPerVoter',
      ]);
    });

    it('refuses maxVotesPerVoter with BUDGET', () => {
      expect(pathsOf(budgetPlan({ settings: { ...budgetPlan().settings, maxVotesPerVoter: 3 } }))).toEqual([
        'settings.maxVotesPerVoter',
      ]);
    });

    it('refuses budget settings without BUDGET voting', () => {
      const plan = simplePlan({
        settings: settings({
          budgetRule: 'GREEDY',
          voterBudget: 100n,
          minProjectsPerBallot: 1,
          maxProjectsPerBallot: 2,
        }),
      });
      expect(pathsOf(plan)).toEqual([
        'settings.budgetRule',
        'settings.voterBudget',
        'settings.minProjectsPerBallot',
        'settings.maxProjectsPerBallot',
      ]);
    });

    it('refuses a budget of zero even without BUDGET voting', () => {
      expect(pathsOf(simplePlan({ budget: 0n }))).toEqual(['budget']);
    });

    describe('BUDGET', () => {
      const budgetSettings = (overrides: Partial<SettingsPlan>) => ({ ...budgetPlan().settings, ...overrides });

      it('needs a budget', () => {
        expect(
          challengePlanViolations(budgetPlan({ budget: null, settings: budgetSettings({ voterBudget: null }) })),
        ).toEqual([{ path: 'budget', message: 'Un presupuesto participativo necesita un presupuesto total.' }]);
      });

      it('needs a budget above zero', () => {
        expect(pathsOf(budgetPlan({ budget: 0n, settings: budgetSettings({ voterBudget: null }) }))).toEqual([
          'budget',
        ]);
      });

      it('needs a budget rule', () => {
        expect(pathsOf(budgetPlan({ settings: budgetSettings({ budgetRule: null }) }))).toEqual([
          'settings.budgetRule',
        ]);
      });

      it('accepts the GREEDY rule', () => {
        expect(pathsOf(budgetPlan({ settings: budgetSettings({ budgetRule: 'GREEDY' }) }))).toEqual([]);
      });

      it.each([0n, -1n])('needs a voter budget above zero (%p)', (voterBudget) => {
        expect(pathsOf(budgetPlan({ settings: budgetSettings({ voterBudget }) }))).toEqual(['settings.voterBudget']);
      });

      it('accepts a voter budget above the whole budget (approval ballots without a cost cap in effect)', () => {
        expect(pathsOf(budgetPlan({ settings: budgetSettings({ voterBudget: 100_000_001n }) }))).toEqual([]);
      });

      it('accepts ballot length limits with 1 ≤ min ≤ max, each optional', () => {
        for (const [min, max] of [
          [1, 1],
          [2, 15],
          [2, null],
          [null, 15],
        ] as const) {
          const settings = budgetSettings({ minProjectsPerBallot: min, maxProjectsPerBallot: max });
          expect(pathsOf(budgetPlan({ settings }))).toEqual([]);
        }
      });

      it('refuses a minimum above the maximum, naming the minimum', () => {
        const settings = budgetSettings({ minProjectsPerBallot: 5, maxProjectsPerBallot: 4 });
        expect(challengePlanViolations(budgetPlan({ settings }))).toEqual([
          {
            path: 'settings.minProjectsPerBallot',
            message: 'El mínimo de propuestas por boleta (5) no puede ser mayor que el máximo (4).',
          },
        ]);
      });

      it.each([0, -1, 1.5])('refuses ballot length limits that are not whole numbers of 1 or more (%p)', (limit) => {
        expect(
          pathsOf(
            budgetPlan({ settings: budgetSettings({ minProjectsPerBallot: limit, maxProjectsPerBallot: limit }) }),
          ),
        ).toEqual(['settings.minProjectsPerBallot', 'settings.maxProjectsPerBallot']);
      });

      it('accepts a voter budget below the whole budget', () => {
        expect(pathsOf(budgetPlan({ settings: budgetSettings({ voterBudget: 1n }) }))).toEqual([]);
      });

      it('needs the final round to be VOTING', () => {
        const plan = budgetPlan({
          rounds: [round('SUBMISSION', 0, 10), round('VOTING', 10, 20, 5), round('EVALUATION', 20, 30)],
          criteria: [criterion('Impacto')],
        });
        expect(pathsOf(plan)).toEqual(['settings.votingMethod']);
      });

      it('accepts evaluation before the final vote', () => {
        const plan = budgetPlan({
          rounds: [round('SUBMISSION', 0, 10), round('EVALUATION', 10, 20, 5), round('VOTING', 20, 30)],
          criteria: [criterion('Viabilidad técnica')],
        });
        expect(pathsOf(plan)).toEqual([]);
      });
    });
  });

  describe('publicVoteWeight', () => {
    it.each([-0.1, 1.1, Number.NaN])('must lie between 0 and 1 (%p)', (publicVoteWeight) => {
      expect(pathsOf(evaluationPlan({ settings: settings({ winnerCount: 2, publicVoteWeight }) }))).toEqual([
        'settings.publicVoteWeight',
      ]);
    });

    it('above 0 needs the final round to be EVALUATION', () => {
      const plan = simplePlan({ settings: settings({ publicVoteWeight: 0.5 }) });
      expect(challengePlanViolations(plan)).toEqual([
        { path: 'settings.publicVoteWeight', message: expect.stringContaining('última ronda es de evaluación') },
      ]);
    });

    it('above 0 needs a VOTING round before the final EVALUATION', () => {
      const plan = evaluationPlan({
        rounds: [round('SUBMISSION', 0, 10), round('EVALUATION', 10, 20, 5), round('EVALUATION', 20, 30)],
      });
      expect(pathsOf(plan)).toEqual(['settings.publicVoteWeight']);
    });

    it('of 0 needs no VOTING round', () => {
      const plan = evaluationPlan({
        rounds: [round('SUBMISSION', 0, 10), round('EVALUATION', 10, 20)],
        settings: settings({ publicVoteWeight: 0 }),
      });
      expect(pathsOf(plan)).toEqual([]);
    });
  });

  describe('evaluation settings', () => {
    it.each([0, 1.5])('minEvaluationsPerProposal must be a positive integer (%p)', (minEvaluationsPerProposal) => {
      expect(pathsOf(evaluationPlan({ settings: settings({ winnerCount: 2, minEvaluationsPerProposal }) }))).toEqual([
        'settings.minEvaluationsPerProposal',
      ]);
    });

    it.each([0, 2.5])('jurorsPerProposal must be null or a positive integer (%p)', (jurorsPerProposal) => {
      expect(pathsOf(evaluationPlan({ settings: settings({ winnerCount: 2, jurorsPerProposal }) }))).toEqual([
        'settings.jurorsPerProposal',
      ]);
    });

    it('refuses asking for more evaluations than jurors assigned to each proposal', () => {
      const plan = evaluationPlan({
        settings: settings({ winnerCount: 2, minEvaluationsPerProposal: 3, jurorsPerProposal: 2 }),
      });
      expect(challengePlanViolations(plan)).toEqual([
        {
          path: 'settings.minEvaluationsPerProposal',
          message: 'Se piden 3 evaluaciones por propuesta pero solo se asignan 2 jurados a cada una.',
        },
      ]);
    });

    it('accepts as many evaluations as jurors', () => {
      const plan = evaluationPlan({
        settings: settings({ winnerCount: 2, minEvaluationsPerProposal: 3, jurorsPerProposal: 3 }),
      });
      expect(pathsOf(plan)).toEqual([]);
    });
  });

  it('reports every violation at once, not only the first', () => {
    const plan: ChallengePlan = {
      budget: null,
      settings: settings({ winnerCount: 0, maxVotesPerVoter: null, publicVoteWeight: 2 }),
      rounds: [round('VOTING', 0, 10)],
      criteria: [criterion('Impacto')],
    };
    expect(pathsOf(plan).sort()).toEqual(
      [
        'rounds',
        'rounds.0.kind',
        'criteria',
        'settings.winnerCount',
        'settings.maxVotesPerVoter',
        'settings.publicVoteWeight',
      ].sort(),
    );
  });

  it('marks round problems, and only them, as INVALID_SCHEDULE', () => {
    const plan = simplePlan({
      rounds: [round('SUBMISSION', 0, 10), round('VOTING', 5, 20)],
      settings: settings({ maxVotesPerVoter: null }),
    });
    const violations = challengePlanViolations(plan);
    expect(violations.find((v) => v.path === 'rounds.1.opensAt')?.reason).toBe('INVALID_SCHEDULE');
    expect(violations.find((v) => v.path === 'settings.maxVotesPerVoter')?.reason).toBeUndefined();
  });
});
