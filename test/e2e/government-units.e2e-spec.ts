import { signUp, createUnitWithStaff, TestAccount } from '../support/accounts.js';
import { sqlClient } from '../support/test-database.js';
import { startTestApp, TestApp } from '../support/test-app.js';

const CREATE_UNIT = `mutation ($input: CreateGovernmentUnitInput!) { createGovernmentUnit(input: $input) { id name level state { code } municipality { code name } } }`;
const UNITS = `query ($filter: GovernmentUnitFilter, $first: Int) { governmentUnits(filter: $filter, first: $first) { totalCount nodes { name } } }`;
const MEMBERS = `query ($id: ID!) { governmentUnit(id: $id) { name members { role user { displayName } } } }`;
const ADD = `mutation ($unitId: ID!, $email: String!, $role: UnitRole!) { addUnitMember(unitId: $unitId, email: $email, role: $role) { role user { id } unit { id } } }`;
const REMOVE = `mutation ($unitId: ID!, $userId: ID!) { removeUnitMember(unitId: $unitId, userId: $userId) }`;

describe('government units (RULES §1, §2)', () => {
  let api: TestApp;
  let platformAdmin: TestAccount;

  beforeAll(async () => {
    api = await startTestApp();
    platformAdmin = await signUp(api, { role: 'ADMIN' });
  });

  afterAll(() => api.close());

  async function unitCount(): Promise<number> {
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      return (await sql.query('SELECT count(*)::int AS n FROM government_units')).rows[0].n;
    } finally {
      await sql.end();
    }
  }

  it('lets a platform admin create units of each level with their territory', async () => {
    const federal = await api.gql(
      CREATE_UNIT,
      { input: { name: 'Secretaría de la Función Pública', acronym: 'SFP', level: 'FEDERAL' } },
      platformAdmin.token,
    );
    expect(federal.data.createGovernmentUnit).toMatchObject({ level: 'FEDERAL', state: null, municipality: null });
    const municipal = await api.gql(
      CREATE_UNIT,
      { input: { name: 'Ayuntamiento de Puebla', level: 'MUNICIPAL', stateCode: '21', municipalityCode: '21114' } },
      platformAdmin.token,
    );
    expect(municipal.data.createGovernmentUnit).toMatchObject({
      level: 'MUNICIPAL',
      state: { code: '21' },
      municipality: { code: '21114', name: 'Puebla' },
    });
  });

  it.each([
    [{ name: 'Sin entidad', level: 'STATE' }, 'stateCode'],
    [{ name: 'Federal con entidad', level: 'FEDERAL', stateCode: '21' }, 'stateCode'],
    [{ name: 'Municipio ajeno', level: 'MUNICIPAL', stateCode: '21', municipalityCode: '14039' }, 'municipalityCode'],
    [{ name: 'Municipio inventado', level: 'MUNICIPAL', stateCode: '21', municipalityCode: 'x' }, 'municipalityCode'],
    [{ name: '', level: 'FEDERAL' }, 'name'],
    [{ name: 'x'.repeat(201), level: 'FEDERAL' }, 'name'],
    [{ name: 'Con control \u0007', level: 'FEDERAL' }, 'name'],
  ])('refuses %j naming the field, and stores nothing', async (input, field) => {
    const before = await unitCount();
    const { errors } = await api.gql(CREATE_UNIT, { input }, platformAdmin.token);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors?.[0].extensions?.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await unitCount()).toBe(before);
  });

  it('refuses unit creation to anyone but a platform admin', async () => {
    const citizen = await signUp(api);
    const input = { name: 'Unidad no autorizada', level: 'FEDERAL' };
    expect((await api.gql(CREATE_UNIT, { input }, citizen.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(CREATE_UNIT, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('searches units ignoring accents and case, and filters by territory', async () => {
    await api.gql(
      CREATE_UNIT,
      { input: { name: 'Comisión Estatal del Agua de Jalisco', level: 'STATE', stateCode: '14' } },
      platformAdmin.token,
    );
    const found = await api.gql(UNITS, { filter: { search: 'comision estatal' } });
    expect(found.data.governmentUnits.nodes.map((u: { name: string }) => u.name)).toEqual([
      'Comisión Estatal del Agua de Jalisco',
    ]);
    const jalisco = await api.gql(UNITS, { filter: { stateCode: '14', level: 'STATE' } });
    expect(jalisco.data.governmentUnits.totalCount).toBe(1);
    const page = await api.gql(UNITS, { first: 101 });
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
  });

  it('shows members only to the unit and platform admins', async () => {
    const { unitId, admin } = await createUnitWithStaff(api);
    const outsider = await signUp(api);
    const asAdmin = await api.gql(MEMBERS, { id: unitId }, admin.token);
    expect(asAdmin.data.governmentUnit.members.map((m: { role: string }) => m.role).sort()).toEqual([
      'ADMIN',
      'EDITOR',
    ]);
    expect((await api.gql(MEMBERS, { id: unitId }, platformAdmin.token)).data.governmentUnit.members).toHaveLength(2);
    const asOutsider = await api.gql(MEMBERS, { id: unitId }, outsider.token);
    expect(asOutsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(asAdmin.data)).not.toContain('@');
  });

  it('lets the unit admin manage members, an editor not, and always keeps one admin', async () => {
    const { unitId, admin, editor } = await createUnitWithStaff(api);
    const newcomer = await signUp(api);
    expect(
      (await api.gql(ADD, { unitId, email: newcomer.email, role: 'EDITOR' }, editor.token)).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(REMOVE, { unitId, userId: admin.id }, editor.token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(REMOVE, { unitId, userId: admin.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const added = await api.gql(ADD, { unitId, email: newcomer.email, role: 'EDITOR' }, admin.token);
    expect(added.data.addUnitMember).toEqual({ role: 'EDITOR', user: { id: newcomer.id }, unit: { id: unitId } });
    expect(
      (await api.gql(ADD, { unitId, email: 'nadie@ejemplo.mx', role: 'EDITOR' }, admin.token)).errors?.[0].extensions
        ?.fields,
    ).toEqual([{ path: 'email', message: 'No existe una cuenta con ese correo.' }]);
    const demoteLast = await api.gql(ADD, { unitId, email: admin.email, role: 'EDITOR' }, admin.token);
    expect(demoteLast.errors?.[0].extensions?.code).toBe('CONFLICT');
    const removeLast = await api.gql(REMOVE, { unitId, userId: admin.id }, admin.token);
    expect(removeLast.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await api.gql(REMOVE, { unitId, userId: newcomer.id }, admin.token)).data.removeUnitMember).toBe(true);
  });

  it('never leaves a unit without an admin, even when two admins remove each other at once', async () => {
    const { unitId, admin } = await createUnitWithStaff(api);
    const second = await signUp(api);
    await api.gql(ADD, { unitId, email: second.email, role: 'ADMIN' }, admin.token);
    const results = await Promise.all([
      api.gql(REMOVE, { unitId, userId: second.id }, admin.token),
      api.gql(REMOVE, { unitId, userId: admin.id }, second.token),
    ]);
    expect(results.filter((r) => r.data?.removeUnitMember === true)).toHaveLength(1);
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS n FROM unit_memberships WHERE unit_id = $1 AND role = 'ADMIN'`,
        [unitId],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await sql.end();
    }
  });
});
