import { apiFilter, filtersFromParams, paramsFromFilters } from './challenge-filters';

describe('challenge list filters ↔ URL', () => {
  it('reads the filters a shared link carries and writes them back the same way', () => {
    const params = new URLSearchParams('q=agua&fase=VOTING&orden-gobierno=MUNICIPAL&tema=WATER&orden=CLOSING_SOON');
    const filters = filtersFromParams(params);
    expect(filters).toEqual({
      search: 'agua',
      phase: 'VOTING',
      level: 'MUNICIPAL',
      category: 'WATER',
      order: 'CLOSING_SOON',
    });
    expect(paramsFromFilters(filters).toString()).toBe(params.toString());
  });

  it('ignores unknown values and leaves defaults out of the URL', () => {
    const filters = filtersFromParams(new URLSearchParams('fase=DRAFT&orden=NOPE&tema=x&q=%20%20'));
    expect(filters).toEqual({ search: '', phase: null, level: null, category: null, order: 'NEWEST' });
    expect(paramsFromFilters(filters).toString()).toBe('');
  });

  it('asks the API only for what is set', () => {
    expect(apiFilter(filtersFromParams(new URLSearchParams('fase=SUBMISSION')))).toEqual({
      search: undefined,
      phases: ['SUBMISSION'],
      level: undefined,
      category: undefined,
    });
  });
});
