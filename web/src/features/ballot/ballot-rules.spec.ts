import {
  addRefusal,
  ballotState,
  projectIndex,
  submitRefusal,
  summarizeBallot,
  toggleProject,
  type BallotLimits,
} from './ballot-rules';
import { ballotTexts } from './ballot-texts';
import { formatCentavos, toCentavos } from './money';

const projects = projectIndex([
  { id: 'parque', cost: 40_000_000n }, // $400,000.00
  { id: 'luminarias', cost: 25_000_050n }, // $250,000.50
  { id: 'biblioteca', cost: 35_000_000n }, // $350,000.00
]);
const capped: BallotLimits = { voterBudget: 70_000_000n, minProjects: null, maxProjects: null };
const uncapped: BallotLimits = { voterBudget: null, minProjects: null, maxProjects: null };

describe('money', () => {
  it('reads Decimal strings exactly and formats them in es-MX pesos', () => {
    expect(toCentavos('1500000.00')).toBe(150_000_000n);
    expect(toCentavos('4.35')).toBe(435n);
    expect(toCentavos('1e3')).toBeNull();
    expect(formatCentavos(150_000_000n)).toBe('$1,500,000.00');
    expect(formatCentavos(25_000_050n)).toBe('$250,000.50');
  });
});

describe('summarizeBallot', () => {
  it('adds the costs exactly and says what is left of the voter budget', () => {
    const summary = summarizeBallot(projects, ['parque', 'luminarias'], capped);
    expect(summary).toEqual({ count: 2, total: 65_000_050n, remaining: 4_999_950n });
    expect(ballotTexts.budgetLine(summary, capped)).toBe('Usas $650,000.50 de $700,000.00; te quedan $49,999.50');
  });

  it('has nothing remaining to report without a cap', () => {
    const summary = summarizeBallot(projects, ['parque'], uncapped);
    expect(summary.remaining).toBeNull();
    expect(ballotTexts.budgetLine(summary, uncapped)).toBe('Total de tu boleta: $400,000.00 (sin tope por persona)');
  });
});

describe('addRefusal', () => {
  it('greys out what no longer fits, with the cost and what is left', () => {
    const refusal = addRefusal(projects, ['parque'], 'biblioteca', capped);
    expect(refusal).toEqual({ kind: 'DOES_NOT_FIT', cost: 35_000_000n, remaining: 30_000_000n });
    expect(ballotTexts.addRefusal(refusal!)).toBe('No cabe: cuesta $350,000.00 y te quedan $300,000.00.');
  });

  it('lets in a project that fits to the centavo', () => {
    const exact: BallotLimits = { ...capped, voterBudget: 65_000_050n };
    expect(addRefusal(projects, ['parque'], 'luminarias', exact)).toBeNull();
    expect(addRefusal(projects, ['parque'], 'luminarias', { ...capped, voterBudget: 65_000_049n })).not.toBeNull();
  });

  it('never refuses a project already chosen (it can always be taken out)', () => {
    expect(addRefusal(projects, ['parque', 'biblioteca'], 'parque', capped)).toBeNull();
  });

  it('refuses a project once the ballot holds the maximum, naming the maximum', () => {
    const limits: BallotLimits = { ...uncapped, maxProjects: 2 };
    const refusal = addRefusal(projects, ['parque', 'luminarias'], 'biblioteca', limits);
    expect(refusal).toEqual({ kind: 'BALLOT_FULL', maxProjects: 2 });
    expect(ballotTexts.addRefusal(refusal!)).toBe('Ya elegiste el máximo de 2 proyectos; quita uno para elegir este.');
  });

  it('refuses nothing on an uncapped ballot without a maximum', () => {
    expect(addRefusal(projects, ['parque', 'luminarias'], 'biblioteca', uncapped)).toBeNull();
  });
});

describe('submitRefusal', () => {
  const limits: BallotLimits = { voterBudget: null, minProjects: 2, maxProjects: 2 };

  it('always accepts the empty ballot', () => {
    expect(submitRefusal(projects, [], limits)).toBeNull();
  });

  it('refuses a ballot shorter than the minimum, in Spanish', () => {
    const refusal = submitRefusal(projects, ['parque'], limits);
    expect(refusal).toEqual({ kind: 'TOO_SHORT', count: 1, minProjects: 2 });
    expect(ballotTexts.submitRefusal(refusal!)).toBe('Elige al menos 2 proyectos (llevas 1), o deja la boleta vacía.');
  });

  it('refuses a ballot longer than the maximum', () => {
    const refusal = submitRefusal(projects, ['parque', 'luminarias', 'biblioteca'], limits);
    expect(ballotTexts.submitRefusal(refusal!)).toBe('Elige como máximo 2 proyectos (llevas 3).');
  });

  it('refuses a ballot over the voter budget first', () => {
    const refusal = submitRefusal(projects, ['parque', 'biblioteca'], { ...capped, minProjects: 3 });
    expect(refusal).toEqual({ kind: 'OVER_BUDGET', total: 75_000_000n, voterBudget: 70_000_000n });
    expect(ballotTexts.submitRefusal(refusal!)).toBe('Tu boleta suma $750,000.00 y tu presupuesto es de $700,000.00.');
  });

  it('accepts a ballot within every limit', () => {
    expect(submitRefusal(projects, ['parque', 'luminarias'], { ...capped, minProjects: 1, maxProjects: 2 })).toBeNull();
  });
});

describe('ballot texts', () => {
  it('counts against the maximum when there is one', () => {
    const limits: BallotLimits = { ...uncapped, maxProjects: 15 };
    expect(ballotTexts.counter(summarizeBallot(projects, ['a', 'b', 'c'], limits), limits)).toBe('3 de 15 proyectos');
    expect(ballotTexts.counter(summarizeBallot(projects, ['a'], uncapped), uncapped)).toBe('1 proyecto en tu boleta');
  });

  it('states the length limits in plain Spanish', () => {
    expect(ballotTexts.limitsLine({ ...uncapped, minProjects: 2, maxProjects: 15 })).toBe(
      'Elige de 2 a 15 proyectos, o deja la boleta vacía.',
    );
    expect(ballotTexts.limitsLine({ ...uncapped, minProjects: 1 })).toBe(
      'Elige al menos 1 proyecto, o deja la boleta vacía.',
    );
    expect(ballotTexts.limitsLine({ ...uncapped, maxProjects: 3 })).toBe('Puedes elegir hasta 3 proyectos.');
    expect(ballotTexts.limitsLine(uncapped)).toBeNull();
  });
});

describe('ballotState', () => {
  it('tells a saved ballot from unsent changes, whatever the order of choice', () => {
    expect(ballotState(null, [])).toBe('NOT_SENT');
    expect(ballotState(null, ['parque'])).toBe('UNSENT_CHANGES');
    expect(ballotState(['parque', 'luminarias'], ['luminarias', 'parque'])).toBe('SAVED');
    expect(ballotState(['parque'], ['parque', 'luminarias'])).toBe('UNSENT_CHANGES');
    expect(ballotState([], [])).toBe('SAVED');
    expect(ballotTexts.state('UNSENT_CHANGES')).toBe('Tienes cambios sin enviar');
    expect(ballotTexts.state('SAVED')).toBe('Tu boleta está guardada');
  });

  it('toggles a project in and out, keeping the order of choice', () => {
    expect(toggleProject(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleProject(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});

describe('property: adding only what addRefusal allows never yields a ballot the server refuses for cost or length', () => {
  // A small seeded generator keeps the run reproducible.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  it('holds for 500 random ballots', () => {
    const next = random(42);
    for (let run = 0; run < 500; run++) {
      const list = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => ({
        id: `p${i}`,
        cost: BigInt(1 + Math.floor(next() * 1_000_000)),
      }));
      const index = projectIndex(list);
      const limits: BallotLimits = {
        voterBudget: next() < 0.2 ? null : BigInt(Math.floor(next() * 3_000_000)),
        minProjects: null,
        maxProjects: next() < 0.5 ? null : 1 + Math.floor(next() * 5),
      };
      let selection: string[] = [];
      for (let step = 0; step < 30; step++) {
        const id = list[Math.floor(next() * list.length)].id;
        if (selection.includes(id) || addRefusal(index, selection, id, limits) === null)
          selection = toggleProject(selection, id);
        expect(submitRefusal(index, selection, limits)).toBeNull();
        const { remaining } = summarizeBallot(index, selection, limits);
        if (remaining !== null) expect(remaining >= 0n).toBe(true);
      }
    }
  });
});
