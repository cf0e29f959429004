import { createHash } from 'node:crypto';
import { DomainError } from '../../common/domain-error.js';

/**
 * Cursors of proposal lists: an offset in a stable order, plus, for RANDOM, the seed of that order,
 * so every page after the first uses the first page's seed and paging never repeats or skips
 * (even when the anonymous seed changes at midnight between two pages).
 */
export interface ProposalCursor {
  /** Where the next page starts. */
  offset: number;
  seed: string | null;
}

const SEED = /^[0-9a-f]{16}$/;

export function encodeProposalCursor(offset: number, seed: string | null): string {
  return Buffer.from(seed ? `r:${seed}:${offset}` : `o:${offset}`).toString('base64url');
}

export function decodeProposalCursor(cursor: string | null | undefined): ProposalCursor {
  if (!cursor) return { offset: 0, seed: null };
  const match = /^(?:o|r:([0-9a-f]{16})):(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw DomainError.field('after', 'El cursor no es válido.');
  return { offset: Number(match[2]) + 1, seed: match[1] ?? null };
}

/**
 * The RANDOM order's seed: the same for a signed-in viewer every time (derived from their id, which
 * it does not reveal), and for anonymous visitors the same for everybody during one UTC day.
 */
export function randomSeed(viewerId: string | null, now: Date): string {
  const basis = viewerId ? `viewer:${viewerId}` : `day:${now.toISOString().slice(0, 10)}`;
  return createHash('sha256').update(`retos-proposals:${basis}`).digest('hex').slice(0, 16);
}

export function isSeed(value: string): boolean {
  return SEED.test(value);
}
