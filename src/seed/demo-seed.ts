import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { slugify } from '../common/slug.js';
import type { Viewer } from '../infrastructure/graphql/graphql-context.js';
import { Transactions } from '../infrastructure/database/transactions.js';
import { ChallengesService } from '../modules/challenges/challenges.service.js';
import type { CreateChallengeInput } from '../modules/challenges/dto/challenge.inputs.js';
import { EvaluationsService } from '../modules/evaluation/evaluations.service.js';
import { JuryService } from '../modules/evaluation/jury.service.js';
import { GovernmentUnitsService } from '../modules/government-units/government-units.service.js';
import { PasswordHasher } from '../modules/identity/password-hasher.js';
import { UsersRepository } from '../modules/identity/users.repository.js';
import { ProposalsService } from '../modules/proposals/proposals.service.js';
import { RoundClock } from '../modules/rounds/round-clock.js';
import { RoundsService } from '../modules/rounds/rounds.service.js';
import { VotingService } from '../modules/voting/voting.service.js';

/**
 * Demo data (issue #9): units, officials, jurors, citizens and challenges in every phase, written through
 * the services so every rule holds. Idempotent: accounts are keyed by e-mail, units by name, challenges by
 * slug; whatever exists is skipped. Passwords are for demos only.
 */
const SWITCH_MARGIN_MS = 2000;

export const DEMO_PASSWORD = 'retos-demo-2026';
export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.retos.mx',
  official: 'titular.puebla@demo.retos.mx',
  juror: 'jurado1@demo.retos.mx',
  citizen: 'ciudadana1@demo.retos.mx',
} as const;

const DAY = 86_400_000;
const UNITS = [
  { key: 'sfp', name: 'Secretaría de la Función Pública', acronym: 'SFP', level: 'FEDERAL' as const },
  { key: 'puebla', name: 'Gobierno del Estado de Puebla', level: 'STATE' as const, stateCode: '21' },
  {
    key: 'ayto-puebla',
    name: 'Ayuntamiento de Puebla',
    level: 'MUNICIPAL' as const,
    stateCode: '21',
    municipalityCode: '21114',
  },
  {
    key: 'zapopan',
    name: 'Gobierno Municipal de Zapopan',
    level: 'MUNICIPAL' as const,
    stateCode: '14',
    municipalityCode: '14120',
  },
];
const OFFICIALS: Record<string, [string, string]> = {
  sfp: ['titular.sfp@demo.retos.mx', 'editora.sfp@demo.retos.mx'],
  puebla: [DEMO_ACCOUNTS.official, 'editora.puebla@demo.retos.mx'],
  'ayto-puebla': ['titular.ayto-puebla@demo.retos.mx', 'editora.ayto-puebla@demo.retos.mx'],
  zapopan: ['titular.zapopan@demo.retos.mx', 'editora.zapopan@demo.retos.mx'],
};
const JURORS = ['jurado1@demo.retos.mx', 'jurado2@demo.retos.mx', 'jurado3@demo.retos.mx'];
const RESIDENCES: [string, string][] = [
  ['21', '21114'],
  ['14', '14120'],
  ['14', '14039'],
  ['09', '09015'],
  ['19', '19039'],
  ['31', '31050'],
];
const CITIZEN_COUNT = 60;
const citizenEmail = (i: number) => `ciudadana${i}@demo.retos.mx`;

type Phase = 'UPCOMING' | 'SUBMISSION' | 'VOTING' | 'EVALUATION' | 'FINISHED' | 'CANCELLED';
interface DemoChallenge {
  unit: string;
  title: string;
  summary: string;
  category: string;
  phase: Phase;
  /** The round after SUBMISSION. */
  next: 'VOTING' | 'EVALUATION';
  settings?: Record<string, unknown>;
  budget?: string;
  proposals: string[];
  costs?: string[];
}

const CHALLENGES: DemoChallenge[] = [
  {
    unit: 'sfp',
    title: 'Compras públicas abiertas de principio a fin',
    summary: 'Cómo publicar cada etapa de las contrataciones públicas en datos abiertos (Contrataciones Abiertas).',
    category: 'PUBLIC_PROCUREMENT',
    phase: 'UPCOMING',
    next: 'VOTING',
    proposals: [],
  },
  {
    unit: 'sfp',
    title: 'Gasto público abierto y comprensible',
    summary: 'Herramientas para que cualquier persona siga el gasto federal, del presupuesto al pago.',
    category: 'BUDGET_TRANSPARENCY',
    phase: 'SUBMISSION',
    next: 'VOTING',
    proposals: ['Tablero ciudadano del gasto', 'Presupuesto explicado en lenguaje claro'],
  },
  {
    unit: 'puebla',
    title: 'Datos abiertos de la red carretera estatal',
    summary: 'Propuestas para publicar y aprovechar los datos de caminos y carreteras de Puebla.',
    category: 'MOBILITY',
    phase: 'SUBMISSION',
    next: 'EVALUATION',
    proposals: ['Mapa abierto de caminos rurales'],
  },
  {
    unit: 'puebla',
    title: 'Consulta pública de impacto ambiental en línea',
    summary: 'Cómo abrir las manifestaciones de impacto ambiental a la consulta ciudadana.',
    category: 'ENVIRONMENT_CLIMATE',
    phase: 'VOTING',
    next: 'VOTING',
    settings: { votingMethod: 'SINGLE', showLiveTally: true },
    proposals: [
      'Ventanilla digital de consultas ambientales',
      'Resúmenes ciudadanos de cada manifestación',
      'Alertas por municipio de nuevos proyectos',
    ],
  },
  {
    unit: 'zapopan',
    title: 'Agua potable para todas las colonias de Zapopan',
    summary: 'Ideas para mejorar el acceso y la calidad del agua potable en las colonias de Zapopan.',
    category: 'WATER',
    phase: 'VOTING',
    next: 'VOTING',
    settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, showLiveTally: true },
    proposals: [
      'Captación de agua de lluvia en escuelas',
      'Sensores abiertos de calidad del agua',
      'Reparación prioritaria de fugas reportadas',
      'Bebederos públicos en parques',
    ],
  },
  {
    unit: 'ayto-puebla',
    title: 'Presupuesto participativo para parques de Puebla',
    summary: 'La ciudadanía decide en qué proyectos de parques se invierte el presupuesto participativo.',
    category: 'INFRASTRUCTURE',
    phase: 'VOTING',
    next: 'VOTING',
    budget: '1000000.00',
    settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', showLiveTally: true, maxVotesPerVoter: null },
    proposals: [
      'Luminarias solares en el parque Juárez',
      'Juegos infantiles incluyentes',
      'Huerto comunitario',
      'Ciclovía perimetral',
    ],
    costs: ['400000.00', '350000.00', '150000.00', '500000.00'],
  },
  {
    unit: 'sfp',
    title: 'Datos abiertos de seguridad pública confiables',
    summary: 'Cómo publicar datos de incidencia delictiva útiles, oportunos y que protejan a las víctimas.',
    category: 'JUSTICE_SECURITY',
    phase: 'EVALUATION',
    next: 'EVALUATION',
    proposals: [
      'Catálogo único de incidencia delictiva',
      'Mapa de calor con privacidad diferencial',
      'Calendario de publicación verificable',
    ],
  },
  {
    unit: 'puebla',
    title: 'Becas educativas transparentes en Puebla',
    summary: 'Padrones abiertos y reglas claras para asignar las becas educativas del estado.',
    category: 'EDUCATION',
    phase: 'FINISHED',
    next: 'VOTING',
    settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 },
    proposals: ['Padrón abierto de personas becarias', 'Convocatoria única en línea', 'Seguimiento público de pagos'],
  },
  {
    unit: 'sfp',
    title: 'Transparencia en la industria minera',
    summary: 'Publicar concesiones, pagos y obligaciones ambientales de la minería (estándar EITI).',
    category: 'ENERGY_EXTRACTIVES',
    phase: 'FINISHED',
    next: 'EVALUATION',
    proposals: [
      'Registro abierto de concesiones mineras',
      'Pagos de la industria conciliados',
      'Monitoreo comunitario de jales',
    ],
  },
  {
    unit: 'zapopan',
    title: 'Presupuesto participativo de Zapopan 2026',
    summary: 'Proyectos vecinales elegidos por la ciudadanía con el Método de Partes Iguales.',
    category: 'INFRASTRUCTURE',
    phase: 'FINISHED',
    next: 'VOTING',
    budget: '900000.00',
    settings: { votingMethod: 'BUDGET', budgetRule: 'EQUAL_SHARES' },
    proposals: [
      'Banquetas accesibles en Tesistán',
      'Alumbrado en la colonia Arcos',
      'Cancha techada en Santa Ana',
      'Biblioteca vecinal',
    ],
    costs: ['300000.00', '250000.00', '450000.00', '200000.00'],
  },
  {
    unit: 'ayto-puebla',
    title: 'Rutas de transporte público en datos abiertos',
    summary: 'Publicar rutas, paradas y horarios del transporte público de Puebla en formato GTFS.',
    category: 'MOBILITY',
    phase: 'FINISHED',
    next: 'VOTING',
    settings: { votingMethod: 'SINGLE' },
    proposals: ['GTFS oficial y actualizado', 'Reportes ciudadanos de paradas'],
  },
  {
    unit: 'zapopan',
    title: 'Reto cancelado de ejemplo sobre alumbrado público',
    summary: 'Este reto se canceló para mostrar cómo se ve un reto cancelado en la plataforma.',
    category: 'INFRASTRUCTURE',
    phase: 'CANCELLED',
    next: 'VOTING',
    proposals: [],
  },
];

const LONG = (text: string) =>
  `${text}. Texto de demostración basado en los compromisos del Plan de Acción de Gobierno Abierto 2013–2015 de México.`;

export interface SeedReport {
  created: { accounts: number; units: number; challenges: number };
  passwords: string;
}

export async function runDemoSeed(
  app: INestApplicationContext,
  log: (line: string) => void = () => {},
): Promise<SeedReport> {
  const data = app.get(DataSource);
  const transactions = app.get(Transactions);
  const users = app.get(UsersRepository);
  const hasher = app.get(PasswordHasher);
  const unitsService = app.get(GovernmentUnitsService);
  const challengesService = app.get(ChallengesService);
  const proposals = app.get(ProposalsService);
  const voting = app.get(VotingService);
  const jury = app.get(JuryService);
  const evaluations = app.get(EvaluationsService);
  const rounds = app.get(RoundsService);
  const clock = app.get(RoundClock);
  const created = { accounts: 0, units: 0, challenges: 0 };
  const passwordHash = await hasher.hash(DEMO_PASSWORD);

  const account = async (
    email: string,
    displayName: string,
    options: { role?: Viewer['platformRole']; stateCode?: string; municipalityCode?: string } = {},
  ): Promise<Viewer> => {
    const existing = await users.findByEmail(email);
    if (existing) return { id: existing.id, platformRole: existing.platformRole };
    const user = await transactions.run((tx) =>
      users.insert(tx, {
        email,
        passwordHash,
        displayName,
        platformRole: options.role ?? 'CITIZEN',
        emailVerifiedAt: new Date(),
        stateCode: options.stateCode ?? null,
        municipalityCode: options.municipalityCode ?? null,
      }),
    );
    created.accounts++;
    return { id: user.id, platformRole: user.platformRole };
  };

  await account(DEMO_ACCOUNTS.admin, 'Administración de la plataforma', { role: 'ADMIN' });
  const unitIds: Record<string, string> = {};
  const unitAdmins: Record<string, Viewer> = {};
  for (const unit of UNITS) {
    const [found] = await data.query<{ id: string }[]>(`SELECT id FROM government_units WHERE name = $1`, [unit.name]);
    let unitId = found?.id;
    if (!unitId) {
      const { key: _key, ...input } = unit;
      unitId = (await unitsService.create(input)).id;
      created.units++;
    }
    unitIds[unit.key] = unitId;
    const [adminEmail, editorEmail] = OFFICIALS[unit.key];
    unitAdmins[unit.key] = await account(adminEmail, `Titular — ${unit.name}`);
    await account(editorEmail, `Editora — ${unit.name}`);
    const members: { email: string }[] = await data.query(
      `SELECT u.email FROM unit_memberships m JOIN users u ON u.id = m.user_id WHERE m.unit_id = $1`,
      [unitId],
    );
    if (!members.some((m) => m.email === adminEmail)) await unitsService.addMember(unitId, adminEmail, 'ADMIN');
    if (!members.some((m) => m.email === editorEmail)) await unitsService.addMember(unitId, editorEmail, 'EDITOR');
  }
  const jurors: Viewer[] = [];
  for (const [i, email] of JURORS.entries())
    jurors.push(await account(email, `Jurado ${i + 1} (experto en gobierno abierto)`));
  const citizens: Viewer[] = [];
  for (let i = 1; i <= CITIZEN_COUNT; i++) {
    const [stateCode, municipalityCode] = RESIDENCES[i % RESIDENCES.length];
    citizens.push(await account(citizenEmail(i), `Ciudadana ${i}`, { stateCode, municipalityCode }));
  }

  const pending = CHALLENGES.filter(() => true);
  const existingSlugs = new Set<string>(
    (await data.query<{ slug: string }[]>(`SELECT slug FROM challenges`)).map((r) => r.slug),
  );
  const todo = pending.filter((c) => !existingSlugs.has(slugify(c.title)));
  const built: {
    spec: DemoChallenge;
    id: string;
    roundIds: string[];
    proposalIds: string[];
    admin: Viewer;
    nextCloses: Date;
  }[] = [];
  for (const spec of todo) {
    const now = Date.now();
    const admin = unitAdmins[spec.unit];
    const upcoming = spec.phase === 'UPCOMING';
    const submissionOpens = upcoming ? new Date(now + 30 * DAY) : new Date(now - 60_000);
    const submissionCloses = upcoming
      ? new Date(now + 44 * DAY)
      : spec.phase === 'SUBMISSION' || spec.phase === 'CANCELLED'
        ? new Date(now + 14 * DAY)
        : new Date(now + DAY); // moved to a moment away once its proposals are in (below), however slow this machine is
    const nextCloses = new Date(submissionCloses.getTime() + 14 * DAY);
    const input = {
      unitId: unitIds[spec.unit],
      title: spec.title,
      summary: spec.summary,
      description: LONG(spec.summary),
      category: spec.category,
      tags: ['gobierno abierto'],
      budget: spec.budget ?? null,
      settings: { winnerCount: 1, ...(spec.settings ?? { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 }) },
      criteria:
        spec.next === 'EVALUATION'
          ? [
              { name: 'Impacto público', weight: 2, maxScore: 10 },
              { name: 'Viabilidad', weight: 1, maxScore: 10 },
            ]
          : null,
      rounds: [
        { kind: 'SUBMISSION', title: 'Recepción de propuestas', opensAt: submissionOpens, closesAt: submissionCloses },
        {
          kind: spec.next,
          title: spec.next === 'VOTING' ? 'Votación ciudadana' : 'Evaluación del jurado',
          opensAt: submissionCloses,
          closesAt: nextCloses,
        },
      ],
    } as unknown as CreateChallengeInput;
    const challenge = await challengesService.create(admin, input);
    await challengesService.publish(admin, challenge.id);
    const roundIds = (
      await data.query<{ id: string }[]>(`SELECT id FROM rounds WHERE challenge_id = $1 ORDER BY position`, [
        challenge.id,
      ])
    ).map((r) => r.id);
    await clock.settle(roundIds[0]);
    created.challenges++;
    if (spec.next === 'EVALUATION')
      for (const juror of jurors)
        await jury.addJuror(admin.id, challenge.id, JURORS[jurors.indexOf(juror)], juror === jurors[0]);
    const proposalIds: string[] = [];
    for (const [i, title] of spec.proposals.entries()) {
      const author = citizens[(built.length * 7 + i * 3) % citizens.length];
      const proposal = await proposals.create(author.id, {
        challengeId: challenge.id,
        title,
        summary: `${title}: propuesta ciudadana para el reto.`,
        body: LONG(`${title}. Descripción detallada de la propuesta`),
        estimatedCost: spec.costs?.[i] ?? null,
      });
      await proposals.submit(author.id, proposal.id);
      proposalIds.push(proposal.id);
    }
    if (spec.phase === 'CANCELLED')
      await challengesService.cancel(
        admin,
        challenge.id,
        'Reto cancelado para la demostración: el programa se reorganizó.',
      );
    built.push({ spec, id: challenge.id, roundIds, proposalIds, admin, nextCloses });
    log(`reto «${spec.title}» creado (${spec.phase})`);
  }

  const moving = built.filter((b) => ['VOTING', 'EVALUATION', 'FINISHED'].includes(b.spec.phase));
  let switchAt = 0;
  for (const b of moving) {
    // The dates decide: submission ends a moment from now and the next round opens then, as an ADMIN reschedules.
    const at = new Date(Date.now() + SWITCH_MARGIN_MS);
    await rounds.reschedule(b.roundIds[0], { closesAt: at }, b.admin.id);
    await rounds.reschedule(b.roundIds[1], { opensAt: at, closesAt: b.nextCloses }, b.admin.id);
    switchAt = at.getTime();
  }
  const wait = switchAt - Date.now() + 50;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  for (const b of moving) await clock.settle(b.roundIds[0]);
  for (const b of moving) {
    const { spec } = b;
    if (spec.next === 'VOTING') {
      const method = spec.settings?.votingMethod ?? 'MULTIPLE';
      for (const [i, voter] of citizens.entries()) {
        if (i % 5 === 4) continue; // not everybody votes
        const pick = (k: number) => b.proposalIds[(i * (k + 1) + k) % b.proposalIds.length];
        if (method === 'BUDGET') {
          const costs = spec.costs!.map(Number);
          const budget = Number(spec.budget);
          const chosen: string[] = [];
          let total = 0;
          for (let k = 0; k < b.proposalIds.length; k++) {
            const index = (i + k * ((i % 3) + 1)) % b.proposalIds.length;
            if (
              !chosen.includes(b.proposalIds[index]) &&
              total + costs[index] <= budget &&
              chosen.length < 1 + (i % 3)
            ) {
              chosen.push(b.proposalIds[index]);
              total += costs[index];
            }
          }
          await voting.submitBudgetBallot(voter, b.id, chosen);
        } else {
          await voting.castVote(voter, pick(0));
          if (method === 'MULTIPLE' && i % 2 === 0 && pick(1) !== pick(0)) await voting.castVote(voter, pick(1));
        }
      }
    } else {
      const criteria: { id: string; max_score: number }[] = await data.query(
        `SELECT id, max_score FROM evaluation_criteria WHERE challenge_id = $1 ORDER BY position`,
        [b.id],
      );
      for (const [j, juror] of jurors.entries()) {
        for (const assignment of await evaluations.assignmentsOf(juror.id, b.id)) {
          const k = b.proposalIds.indexOf(assignment.proposalId);
          const scores = criteria.map((c, ci) => ({
            criterionId: c.id,
            score: Math.min(c.max_score, 4 + ((k * 3 + j + ci * 2) % 7)),
          }));
          await evaluations.submit(juror.id, {
            proposalId: assignment.proposalId,
            scores,
            comment: 'Evaluación de demostración.',
          });
        }
      }
    }
    if (spec.phase === 'FINISHED') await rounds.closeNow(b.roundIds[1], b.admin.id);
    log(`reto «${spec.title}» llevado a ${spec.phase}`);
  }

  const passwords =
    `Cuentas de demostración (contraseña «${DEMO_PASSWORD}», solo para demos): ${DEMO_ACCOUNTS.admin} (ADMIN de la plataforma), ` +
    `${DEMO_ACCOUNTS.official} (ADMIN de la unidad Gobierno del Estado de Puebla), ${DEMO_ACCOUNTS.juror} (jurado), ${citizenEmail(1)}…${citizenEmail(CITIZEN_COUNT)} (ciudadanía)`;
  log(`seed: ${created.accounts} cuentas, ${created.units} unidades y ${created.challenges} retos nuevos`);
  log(passwords);
  return { created, passwords };
}

/** The demo data never goes into a production deployment by accident: there it needs SEED_DEMO=true. */
export function assertSeedAllowed(config: { production: boolean; seedDemo: boolean }): void {
  if (config.production && !config.seedDemo) {
    throw new Error(
      'SEED_DEMO: los datos de demostración no se cargan con NODE_ENV=production salvo con SEED_DEMO=true',
    );
  }
}
