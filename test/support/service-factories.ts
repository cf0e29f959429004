import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../src/infrastructure/graphql/graphql-context.js';
import type { RoundKind } from '../../src/modules/challenges/challenge-rules.js';
import { ChallengesService } from '../../src/modules/challenges/challenges.service.js';
import type { Round } from '../../src/modules/challenges/round.entity.js';
import type {
  ChallengeSettingsInput,
  CreateChallengeInput,
} from '../../src/modules/challenges/dto/challenge.inputs.js';
import { GovernmentUnitsService } from '../../src/modules/government-units/government-units.service.js';
import { AccountsService } from '../../src/modules/identity/accounts.service.js';
import { ProposalsService } from '../../src/modules/proposals/proposals.service.js';
import type { ServiceHarness } from './service-harness.js';

/**
 * Fixtures of the service layer (`*.int-spec.ts`), made through the services as a person would through the
 * API: register and verify an account, create a unit, create and publish a challenge, propose and submit.
 * No SQL: what a test builds is what the product can build.
 */

const tag = () => randomBytes(4).toString('hex');

export interface Person {
  id: string;
  email: string;
  viewer: Viewer;
}

/** A registered account; verified (unless told) by the link its verification e-mail carries. */
export async function registerPerson(
  h: ServiceHarness,
  options: {
    displayName?: string;
    verified?: boolean;
    stateCode?: string;
    municipalityCode?: string;
  } = {},
): Promise<Person> {
  const accounts = h.get(AccountsService);
  const email = `persona-${tag()}@ejemplo.mx`;
  const payload = await accounts.register({
    email,
    password: 'contraseña-segura-123',
    displayName: options.displayName ?? `Persona ${tag()}`,
    stateCode: options.stateCode ?? null,
    municipalityCode: options.municipalityCode ?? null,
  });
  const id = payload.viewer.id;
  if (options.verified ?? true) {
    await h.drainOutbox();
    const mail = h.mails().find((m) => m.to.includes(email) && /token=/.test(m.text));
    const token = mail?.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no verification e-mail for ${email}`);
    await accounts.verifyEmail(token);
  }
  return { id, email, viewer: { id, platformRole: 'CITIZEN' } };
}

export interface Unit {
  unitId: string;
  admin: Person;
}

/** A government unit (FEDERAL unless told) with a new ADMIN member. */
export async function createUnit(
  h: ServiceHarness,
  input: { level?: 'FEDERAL' | 'STATE' | 'MUNICIPAL'; stateCode?: string; municipalityCode?: string } = {},
): Promise<Unit> {
  const units = h.get(GovernmentUnitsService);
  const unit = await units.create({
    name: `Secretaría de prueba ${tag()}`,
    level: input.level ?? 'FEDERAL',
    stateCode: input.stateCode ?? null,
    municipalityCode: input.municipalityCode ?? null,
  });
  const admin = await registerPerson(h, { displayName: 'Titular de la unidad' });
  await units.addMember(unit.id, admin.email, 'ADMIN');
  return { unitId: unit.id, admin };
}

export interface RoundPlan {
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  advanceCount?: number | null;
}

export interface PublishedChallenge {
  challengeId: string;
  unit: Unit;
  rounds: Round[];
}

/** Rounds one after another from `start`, each `hours` long: `consecutiveRounds(t, 1, ['SUBMISSION', 'VOTING'])`. */
export function consecutiveRounds(start: Date, hours: number, kinds: RoundKind[]): RoundPlan[] {
  const hour = 3600_000;
  return kinds.map((kind, i) => ({
    kind,
    opensAt: new Date(start.getTime() + i * hours * hour),
    closesAt: new Date(start.getTime() + (i + 1) * hours * hour),
  }));
}

/** A challenge created as a draft and published by its unit's ADMIN (ChallengesService.create, .publish). */
export async function publishChallenge(
  h: ServiceHarness,
  options: {
    rounds: RoundPlan[];
    unit?: Unit;
    settings?: Partial<ChallengeSettingsInput>;
    budget?: string;
    category?: CreateChallengeInput['category'];
    criteria?: CreateChallengeInput['criteria'];
  },
): Promise<PublishedChallenge> {
  const unit = options.unit ?? (await createUnit(h));
  const challenges = h.get(ChallengesService);
  const draft = await challenges.create(unit.admin.viewer, {
    unitId: unit.unitId,
    title: `Reto de prueba ${tag()}`,
    summary: 'Resumen del reto de prueba',
    description: 'Descripción larga del reto de prueba para la ciudadanía.',
    category: options.category ?? 'OTHER',
    budget: options.budget ?? null,
    // SINGLE unless told: the default plan (MULTIPLE) needs maxVotesPerVoter.
    settings: { votingMethod: 'SINGLE', ...options.settings } as ChallengeSettingsInput,
    criteria: options.criteria ?? [],
    rounds: options.rounds.map((r, i) => ({
      kind: r.kind,
      title: `Ronda ${i + 1}`,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      advanceCount: r.advanceCount ?? null,
    })),
  });
  await challenges.publish(unit.admin.viewer, draft.id);
  return { challengeId: draft.id, unit, rounds: await challenges.roundsOf([draft.id]) };
}

/** A proposal created and submitted by `author` (the SUBMISSION round must be open by the clock). */
export async function submitProposal(
  h: ServiceHarness,
  author: Person,
  challengeId: string,
  options: { title?: string; estimatedCost?: string } = {},
): Promise<string> {
  const proposals = h.get(ProposalsService);
  const draft = await proposals.create(author.id, {
    challengeId,
    title: options.title ?? `Propuesta ${tag()}`,
    summary: 'Resumen de la propuesta de prueba',
    body: 'Cuerpo de la propuesta de prueba, con el detalle suficiente.',
    estimatedCost: options.estimatedCost ?? null,
  });
  await proposals.submit(author.id, draft.id);
  return draft.id;
}
