// The list's filters live in the URL (?q=agua&fase=VOTING&orden=CLOSING_SOON), so a search can be shared.
import type {
  ChallengeCategory,
  ChallengeFilter,
  ChallengeOrder,
  ChallengePhase,
  GovernmentLevel,
} from '../../gql/graphql';
import { texts } from '../../shared/texts';

export interface ChallengeListFilters {
  search: string;
  phase: ChallengePhase | null;
  level: GovernmentLevel | null;
  category: ChallengeCategory | null;
  order: ChallengeOrder;
}

const PUBLIC_PHASES = [
  'UPCOMING',
  'SUBMISSION',
  'VOTING',
  'INTERMISSION',
  'EVALUATION',
  'FINISHED',
  'CANCELLED',
] as const;
export const PHASE_OPTIONS: readonly ChallengePhase[] = PUBLIC_PHASES;
export const LEVEL_OPTIONS = Object.keys(texts.level) as GovernmentLevel[];
export const CATEGORY_OPTIONS = Object.keys(texts.category) as ChallengeCategory[];
export const ORDER_OPTIONS = Object.keys(texts.challenges.order) as ChallengeOrder[];

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;
}

/** Unknown values in a hand-edited URL are ignored rather than sent to the API. */
export function filtersFromParams(params: URLSearchParams): ChallengeListFilters {
  return {
    search: (params.get('q') ?? '').trim(),
    phase: oneOf(params.get('fase'), PHASE_OPTIONS),
    level: oneOf(params.get('orden-gobierno'), LEVEL_OPTIONS),
    category: oneOf(params.get('tema'), CATEGORY_OPTIONS),
    order: oneOf(params.get('orden'), ORDER_OPTIONS) ?? 'NEWEST',
  };
}

/** Only what differs from the defaults goes into the URL. */
export function paramsFromFilters(filters: ChallengeListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.phase) params.set('fase', filters.phase);
  if (filters.level) params.set('orden-gobierno', filters.level);
  if (filters.category) params.set('tema', filters.category);
  if (filters.order !== 'NEWEST') params.set('orden', filters.order);
  return params;
}

export function apiFilter(filters: ChallengeListFilters): ChallengeFilter {
  return {
    search: filters.search || undefined,
    phases: filters.phase ? [filters.phase] : undefined,
    level: filters.level ?? undefined,
    category: filters.category ?? undefined,
  };
}
