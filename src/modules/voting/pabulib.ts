import { formatCentavos, parseCurrencyToCentavos } from './decimal-amount.js';

/**
 * Pabulib (.pb) participatory-budgeting files: sections META, PROJECTS and VOTES, each a header
 * line followed by `;`-separated rows (double quotes as in CSV).  Amounts are in the instance's
 * currency units and are converted to centavos exactly.
 */
export interface PabulibInstance {
  meta: Map<string, string>;
  projects: { id: string; cost: bigint; fields: Record<string, string> }[];
  votes: { voterId: string; approved: string[]; fields: Record<string, string> }[];
}

export interface PabulibOutput {
  meta: [string, string][];
  projects: { id: string; cost: bigint; name?: string; votes?: number }[];
  votes: { voterId: string; approved: string[] }[];
}

type Section = 'META' | 'PROJECTS' | 'VOTES';
const SECTIONS: readonly Section[] = ['META', 'PROJECTS', 'VOTES'];
const REQUIRED_COLUMNS: Record<Section, string[]> = {
  META: ['key', 'value'],
  PROJECTS: ['project_id', 'cost'],
  VOTES: ['voter_id', 'vote'],
};

export function parsePabulib(text: string): PabulibInstance {
  const instance: PabulibInstance = { meta: new Map(), projects: [], votes: [] };
  const seen = new Set<Section>();
  const projectIds = new Set<string>();
  const voterIds = new Set<string>();
  let section: Section | null = null;
  let header: string[] | null = null;

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const fail = (message: string): never => {
      throw new Error(`pabulib line ${lineNumber}: ${message}`);
    };
    const line = index === 0 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') return;

    const sectionName = line.trim().toUpperCase() as Section;
    if (SECTIONS.includes(sectionName)) {
      if (seen.has(sectionName)) fail(`section ${sectionName} appears twice`);
      seen.add(sectionName);
      section = sectionName;
      header = null;
      return;
    }
    if (section === null) fail('expected a section name (META, PROJECTS or VOTES)');
    const cells = splitRow(line, fail);
    if (header === null) {
      header = cells.map((c) => c.trim());
      const missing = REQUIRED_COLUMNS[section!].filter((column) => !header!.includes(column));
      if (missing.length > 0) fail(`${section} header lacks column(s) ${missing.join(', ')}`);
      return;
    }
    if (cells.length !== header.length) fail(`expected ${header.length} fields, found ${cells.length}`);
    const fields: Record<string, string> = {};
    header.forEach((column, i) => (fields[column] = cells[i]));

    if (section === 'META') {
      instance.meta.set(fields.key, fields.value);
    } else if (section === 'PROJECTS') {
      const id = fields.project_id;
      if (id === '') fail('empty project_id');
      if (projectIds.has(id)) fail(`duplicate project_id "${id}"`);
      projectIds.add(id);
      let cost: bigint;
      try {
        cost = parseCurrencyToCentavos(fields.cost);
      } catch (error) {
        return fail((error as Error).message);
      }
      instance.projects.push({ id, cost, fields });
    } else {
      const voterId = fields.voter_id;
      if (voterIds.has(voterId)) fail(`duplicate voter_id "${voterId}"`);
      voterIds.add(voterId);
      const approved = fields.vote
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      instance.votes.push({ voterId, approved, fields });
    }
  });

  for (const required of SECTIONS) {
    if (!seen.has(required)) throw new Error(`pabulib: missing section ${required}`);
  }
  return instance;
}

/** Splits a `;`-separated row; fields may be wrapped in double quotes ("" is a literal quote). */
function splitRow(line: string, fail: (message: string) => never): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell.trim() === '' && !wasQuoted) {
      quoted = wasQuoted = true;
      cell = '';
    } else if (ch === ';') {
      cells.push(wasQuoted ? cell : cell.trim());
      cell = '';
      wasQuoted = false;
    } else if (wasQuoted) {
      if (ch.trim() !== '') fail('unexpected text after a closing quote');
    } else cell += ch;
  }
  if (quoted) fail('unterminated quoted field');
  cells.push(wasQuoted ? cell : cell.trim());
  return cells;
}

/** The ballot limits a pabulib META may carry; null where the file sets none. */
export interface PabulibBallotLimits {
  /** Centavos (META `max_sum_cost`). */
  maxSumCost: bigint | null;
  minLength: number | null;
  maxLength: number | null;
}

/**
 * META `min_length`, `max_length` (whole numbers; 0 means no minimum) and `max_sum_cost` (an amount).
 * Throws on values the reference tools would not read either.
 */
export function pabulibBallotLimits(meta: Map<string, string>): PabulibBallotLimits {
  const count = (key: string): number | null => {
    const text = meta.get(key)?.trim();
    if (text === undefined || text === '') return null;
    if (!/^\d{1,6}$/.test(text)) throw new Error(`META ${key} "${text}" is not a whole number`);
    return Number(text);
  };
  const sumText = meta.get('max_sum_cost')?.trim();
  let maxSumCost: bigint | null = null;
  if (sumText !== undefined && sumText !== '') {
    try {
      maxSumCost = parseCurrencyToCentavos(sumText);
    } catch (error) {
      throw new Error(`META max_sum_cost: ${(error as Error).message}`, { cause: error });
    }
  }
  const min = count('min_length');
  const max = count('max_length');
  if (min !== null && max !== null && min > max) throw new Error(`META min_length ${min} is above max_length ${max}`);
  return { maxSumCost, minLength: min === 0 ? null : min, maxLength: max };
}

/** META rows for the limits that are set, in pabulib's spelling (amounts in currency units). */
export function pabulibLimitRows(limits: PabulibBallotLimits): [string, string][] {
  const rows: [string, string][] = [];
  if (limits.maxSumCost !== null) rows.push(['max_sum_cost', formatCentavos(limits.maxSumCost)]);
  if (limits.minLength !== null) rows.push(['min_length', String(limits.minLength)]);
  if (limits.maxLength !== null) rows.push(['max_length', String(limits.maxLength)]);
  return rows;
}

export function writePabulib(instance: PabulibOutput): string {
  return pabulibHead(instance) + instance.votes.map(pabulibVoteRow).join('');
}

/** META, PROJECTS and the VOTES header: what precedes the vote rows, so that a long VOTES section can be streamed. */
export function pabulibHead(instance: Omit<PabulibOutput, 'votes'>): string {
  const lines: string[] = ['META', 'key;value'];
  for (const [key, value] of instance.meta) lines.push(row([key, value]));
  lines.push('PROJECTS', 'project_id;cost;votes;name');
  for (const p of instance.projects) {
    lines.push(row([p.id, formatCentavos(p.cost), p.votes === undefined ? '' : String(p.votes), p.name ?? '']));
  }
  lines.push('VOTES', 'voter_id;vote');
  return lines.join('\n') + '\n';
}

/** One VOTES row, with its line end. */
export function pabulibVoteRow(vote: { voterId: string; approved: string[] }): string {
  return row([vote.voterId, vote.approved.join(',')]) + '\n';
}

function row(values: string[]): string {
  return values.map(quoteIfNeeded).join(';');
}

function quoteIfNeeded(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
