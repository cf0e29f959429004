import { Clock } from '../../src/common/clock.js';
import { challengeInput } from './challenge-input.js';
import { sqlClient } from './test-database.js';
import type { TestApp } from './test-app.js';

/** A clock tests can stop at an instant (`at`) or leave following the system time (`at = null`). */
export class TestClock extends Clock {
  at: Date | null = null;

  now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }
}

export const PROPOSAL_FIELDS = `id title summary body estimatedCost links location { latitude longitude } status stage moderationReason contentHidden
  submittedAt viewerCanEdit author { id displayName } coAuthors { id displayName } challenge { id }`;

export const CREATE_PROPOSAL = `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const UPDATE_PROPOSAL = `mutation ($id: ID!, $input: UpdateProposalInput!) { updateProposal(id: $id, input: $input) { ${PROPOSAL_FIELDS} } }`;
export const SUBMIT_PROPOSAL = `mutation ($id: ID!) { submitProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const WITHDRAW_PROPOSAL = `mutation ($id: ID!) { withdrawProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const ADD_CO_AUTHOR = `mutation ($id: ID!, $email: String!) { addCoAuthor(proposalId: $id, email: $email) { ${PROPOSAL_FIELDS} } }`;
export const MY_INVITATIONS = `query { myCoAuthorInvitations { id proposalId proposalTitle challengeId challengeTitle invitedBy createdAt } }`;
export const ACCEPT_INVITATION = `mutation ($id: ID!) { acceptCoAuthorInvitation(invitationId: $id) { ${PROPOSAL_FIELDS} } }`;
export const DECLINE_INVITATION = `mutation ($id: ID!) { declineCoAuthorInvitation(invitationId: $id) }`;
export const LEAVE_PROPOSAL = `mutation ($id: ID!) { leaveProposal(proposalId: $id) }`;
export const HIDE_PROPOSAL = `mutation ($id: ID!, $reason: String!) { hideProposal(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`;
export const UNHIDE_PROPOSAL = `mutation ($id: ID!) { unhideProposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const MARK_INELIGIBLE = `mutation ($id: ID!, $reason: String!) { markProposalIneligible(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`;
export const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;

const CREATE_CHALLENGE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id rounds { id position kind opensAt closesAt } } }`;
const PUBLISH_CHALLENGE = `mutation ($id: ID!) { publishChallenge(id: $id) { status } }`;

export interface PublishedChallenge {
  id: string;
  rounds: { id: string; position: number; kind: string; opensAt: string; closesAt: string }[];
}

/**
 * A challenge created and published through GraphQL by the unit's admin. By default its SUBMISSION
 * round opened an hour ago and closes in a day; the dates are the authority, so no worker is needed.
 */
export async function publishedChallenge(
  api: TestApp,
  staff: { unitId: string; admin: { token: string } },
  options: { startInMs?: number; roundMs?: number; title?: string; overrides?: Record<string, unknown> } = {},
): Promise<PublishedChallenge> {
  const input = challengeInput(staff.unitId, {
    startInMs: options.startInMs ?? -3_600_000,
    roundMs: options.roundMs ?? 86_400_000,
    title: options.title,
    overrides: options.overrides,
  });
  const created = await api.gql(CREATE_CHALLENGE, { input }, staff.admin.token);
  if (created.errors) throw new Error(`createChallenge failed: ${JSON.stringify(created.errors)}`);
  const published = await api.gql(PUBLISH_CHALLENGE, { id: created.data.createChallenge.id }, staff.admin.token);
  if (published.errors) throw new Error(`publishChallenge failed: ${JSON.stringify(published.errors)}`);
  return created.data.createChallenge;
}

let counter = 0;

/** A valid CreateProposalInput for `challengeId`. */
export function proposalInput(challengeId: string, overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    challengeId,
    title: `Bebederos solares ${counter}`,
    summary: 'Bebederos con filtro y bomba solar en los patios escolares.',
    body: '## Propuesta\n\nInstalar bebederos con **filtro** y bomba solar en cada patio escolar.\n\n<script>alert(1)</script>',
    links: ['https://ejemplo.mx/plano.pdf'],
    location: { latitude: 19.0414, longitude: -98.2063 },
    ...overrides,
  };
}

/** Runs SQL on the app's database (for setting up states the API cannot reach, and for counting rows). */
export async function sql<T = any>(api: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = await sqlClient(api.env.DATABASE_URL);
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Rows that a refused proposal call must not have written. */
export async function proposalRowCounts(api: TestApp) {
  const [row] = await sql(
    api,
    `SELECT (SELECT count(*) FROM proposals)::int AS proposals,
    (SELECT count(*) FROM proposals WHERE status <> 'DRAFT')::int AS "notDraft",
    (SELECT count(*) FROM proposal_co_authors)::int AS "coAuthors",
    (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM outbox_events)::int AS outbox,
    (SELECT coalesce(max(updated_at), 'epoch') FROM proposals) AS "lastUpdate"`,
  );
  return row;
}

/**
 * Co-authorship with consent (issue #16): the author invites, the invited person accepts their pending
 * invitation to that proposal. Fails the test on any error.
 */
export async function addAcceptedCoAuthor(
  api: TestApp,
  proposalId: string,
  authorToken: string,
  coAuthor: { email: string; token: string },
): Promise<void> {
  const invited = await api.gql(ADD_CO_AUTHOR, { id: proposalId, email: coAuthor.email }, authorToken);
  if (invited.errors) throw new Error(`addCoAuthor failed: ${JSON.stringify(invited.errors)}`);
  const { data } = await api.gql<{ myCoAuthorInvitations: { id: string; proposalId: string }[] }>(
    MY_INVITATIONS,
    {},
    coAuthor.token,
  );
  const invitation = data!.myCoAuthorInvitations.find((i) => i.proposalId === proposalId);
  if (!invitation) throw new Error('No pending invitation for that proposal');
  const accepted = await api.gql(ACCEPT_INVITATION, { id: invitation.id }, coAuthor.token);
  if (accepted.errors) throw new Error(`acceptCoAuthorInvitation failed: ${JSON.stringify(accepted.errors)}`);
}
