/**
 * `npm run demo`: a guided tour against a running API with workers (`npm start` after `npm run seed`):
 * a unit ADMIN creates and publishes a challenge with rounds of a few seconds, citizens propose and vote,
 * the round clock closes the rounds by itself and the final ranking is printed as a table.
 * API_URL (default http://localhost:3000) says where the API is.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo-seed.js';

const API = `${(process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/graphql`;
const SECOND = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const step = (text: string) => process.stdout.write(`\n▶ ${text}\n`);

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { reason?: string } }[];
  };
  if (body.errors?.length)
    throw new Error(
      body.errors.map((e) => `${e.message}${e.extensions?.reason ? ` (${e.extensions.reason})` : ''}`).join('; '),
    );
  return body.data as T;
}

const login = async (email: string) =>
  (
    await gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email, password: DEMO_PASSWORD },
    })
  ).login.accessToken as string;

async function waitForPhase(id: string, phases: string[], timeoutMs = 60 * SECOND): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const phase = (await gql(`query($id: ID) { challenge(id: $id) { phase } }`, { id })).challenge.phase as string;
    if (phases.includes(phase)) return phase;
    if (Date.now() > until)
      throw new Error(`el reto sigue en ${phase}; ¿corre la API con los workers (WORKERS_IN_PROCESS)?`);
    await sleep(300);
  }
}

async function main(): Promise<void> {
  step(`Inicio de sesión como ${DEMO_ACCOUNTS.official} (titular de la unidad) — requiere npm run seed`);
  const official = await login(DEMO_ACCOUNTS.official);
  const unit = (
    await gql(`{ viewer { memberships { role unit { id name } } } }`, {}, official)
  ).viewer.memberships.find((m: { role: string }) => m.role === 'ADMIN').unit as { id: string; name: string };

  const start = Date.now() + 3 * SECOND;
  const at = (s: number) => new Date(start + s * SECOND).toISOString();
  const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ');
  step(`Creación del reto en «${unit.name}»: propuestas 8 s, votación 8 s`);
  const { createChallenge } = await gql(
    `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { id slug } }`,
    {
      input: {
        unitId: unit.id,
        title: `Recorrido de demostración ${stamp}`,
        category: 'OTHER',
        summary: 'Un reto de segundos para ver el ciclo completo de la plataforma.',
        description: 'Este reto lo crea npm run demo: propuestas, votación y resultados en menos de medio minuto.',
        settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, winnerCount: 1, showLiveTally: true },
        rounds: [
          { kind: 'SUBMISSION', title: 'Propuestas', opensAt: at(0), closesAt: at(8) },
          { kind: 'VOTING', title: 'Votación', opensAt: at(8), closesAt: at(16) },
        ],
      },
    },
    official,
  );
  const id = createChallenge.id as string;
  console.log(`  reto ${createChallenge.slug} (${id})`);
  step('Publicación');
  await gql(`mutation($id: ID!) { publishChallenge(id: $id) { status } }`, { id }, official);
  console.log(`  fase: ${await waitForPhase(id, ['SUBMISSION'])}`);

  const ideas = ['Mapa abierto de baches', 'Bancas a la sombra', 'Fuentes de agua potable'];
  const citizens = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => login(`ciudadana${i}@demo.retos.mx`)));
  step('Propuestas de la ciudadanía');
  const proposalIds: string[] = [];
  for (const [i, title] of ideas.entries()) {
    const { createProposal } = await gql(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
      {
        input: {
          challengeId: id,
          title,
          summary: `${title} para la colonia.`,
          body: `${title}: descripción de la propuesta de demostración.`,
        },
      },
      citizens[i],
    );
    await gql(`mutation($id: ID!) { submitProposal(id: $id) { status } }`, { id: createProposal.id }, citizens[i]);
    proposalIds.push(createProposal.id);
    console.log(`  ciudadana${i + 1}: «${title}»`);
  }

  step('Votación (espera a que el reloj de rondas la abra)');
  await waitForPhase(id, ['VOTING']);
  for (const [i, token] of citizens.entries()) {
    const picks = [proposalIds[i % 3], proposalIds[(i * 2 + 1) % 3]].filter((p, k, all) => all.indexOf(p) === k);
    for (const proposalId of picks)
      await gql(`mutation($id: ID!) { castVote(proposalId: $id) { id } }`, { id: proposalId }, token);
    console.log(`  ciudadana${i + 1}: ${picks.length} voto(s)`);
  }

  step('Resultados (espera a que cierre la votación)');
  await waitForPhase(id, ['FINISHED']);
  const { challenge } = await gql(
    `query($id: ID) { challenge(id: $id) { results { method totalVoters totalVotes entries { rank votes finalScore isWinner proposal { title } } } } }`,
    { id },
  );
  console.table(
    challenge.results.entries.map((e: any) => ({
      lugar: e.rank,
      propuesta: e.proposal.title,
      votos: e.votes,
      puntaje: Math.round(e.finalScore * 10) / 10,
      gana: e.isWinner ? 'sí' : '',
    })),
  );
  console.log(
    `${challenge.results.totalVoters} votantes, ${challenge.results.totalVotes} votos. ${challenge.results.method}`,
  );
}

main().catch((error) => {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exit(1);
});
