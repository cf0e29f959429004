import { firstPage, markedRead, noticeLink, withNextPage, type NoticeList, type NoticePage } from './notices-rules';

interface Notice {
  id: string;
  readAt: string | null;
}

const notice = (id: string, readAt: string | null = null): Notice => ({ id, readAt });
const page = (
  nodes: Notice[],
  totalCount: number,
  endCursor: string | null,
  hasNextPage = false,
): NoticePage<Notice> => ({
  nodes,
  totalCount,
  pageInfo: { hasNextPage, endCursor },
});
const AT = '2026-12-05T20:00:00.000Z';

describe('firstPage and withNextPage', () => {
  it('keeps the page and where the next one starts', () => {
    expect(firstPage(page([notice('9'), notice('8')], 3, 'c8', true))).toEqual({
      items: [notice('9'), notice('8')],
      totalCount: 3,
      hasNextPage: true,
      endCursor: 'c8',
    });
  });

  it('appends the next page without listing a notice twice', () => {
    const list = firstPage(page([notice('9'), notice('8')], 4, 'c8', true));
    const next = withNextPage(list, page([notice('8'), notice('7'), notice('6')], 4, 'c6'));
    expect(next.items.map((n) => n.id)).toEqual(['9', '8', '7', '6']);
    expect(next).toMatchObject({ hasNextPage: false, endCursor: 'c6', totalCount: 4 });
  });

  it('keeps the last cursor when a page comes back empty', () => {
    const list = firstPage(page([notice('9')], 1, 'c9', true));
    expect(withNextPage(list, page([], 1, null)).endCursor).toBe('c9');
  });
});

describe('markedRead', () => {
  const list: NoticeList<Notice> = {
    items: [notice('9'), notice('8', '2026-12-01T00:00:00.000Z'), notice('7')],
    totalCount: 5,
    hasNextPage: true,
    endCursor: 'c7',
  };

  it('sets readAt on the marked unread notices and leaves read ones as they were', () => {
    const next = markedRead(list, ['9', '8'], AT, false);
    expect(next.items).toEqual([notice('9', AT), notice('8', '2026-12-01T00:00:00.000Z'), notice('7')]);
    expect(next.totalCount).toBe(5);
  });

  it('marks every listed notice read for "all"', () => {
    expect(markedRead(list, 'all', AT, false).items.every((n) => n.readAt)).toBe(true);
  });

  it('takes marked notices out of an unread-only list and lowers its count', () => {
    const unread = { ...list, items: [notice('9'), notice('7')], totalCount: 4 };
    expect(markedRead(unread, ['7'], AT, true)).toEqual({ ...unread, items: [notice('9')], totalCount: 3 });
  });

  it('empties an unread-only list for "all", unloaded pages included', () => {
    expect(markedRead(list, 'all', AT, true)).toEqual({
      items: [],
      totalCount: 0,
      hasNextPage: false,
      endCursor: null,
    });
  });
});

describe('noticeLink', () => {
  it('leads to the challenge the notice is about', () => {
    expect(noticeLink({ challenge: { slug: 'agua-limpia', title: 'Agua limpia' }, proposal: null })).toEqual({
      to: '/retos/agua-limpia',
      text: 'Ver el reto «Agua limpia»',
    });
  });

  it('leads to the challenge of the proposal when only a proposal is given', () => {
    expect(
      noticeLink({ challenge: null, proposal: { title: 'Bebederos', challenge: { slug: 'agua-limpia' } } }),
    ).toEqual({ to: '/retos/agua-limpia', text: 'Ver el reto de la propuesta «Bebederos»' });
  });

  it('gives no link for a notice about neither', () => {
    expect(noticeLink({ challenge: null, proposal: null })).toBeNull();
  });
});
