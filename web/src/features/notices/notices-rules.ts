// The list on /avisos: pages joined as they load, and notices marked read without asking for the list again.
import { noticesTexts } from './notices-texts';

export interface NoticeItem {
  id: string;
  readAt?: string | null;
}

export interface NoticePage<T extends NoticeItem> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface NoticeList<T extends NoticeItem> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export function firstPage<T extends NoticeItem>(page: NoticePage<T>): NoticeList<T> {
  return {
    items: page.nodes,
    totalCount: page.totalCount,
    hasNextPage: page.pageInfo.hasNextPage,
    endCursor: page.pageInfo.endCursor ?? null,
  };
}

/** Appends the next page; a notice already listed is not listed twice. */
export function withNextPage<T extends NoticeItem>(list: NoticeList<T>, page: NoticePage<T>): NoticeList<T> {
  const listed = new Set(list.items.map((item) => item.id));
  return {
    items: [...list.items, ...page.nodes.filter((node) => !listed.has(node.id))],
    totalCount: page.totalCount,
    hasNextPage: page.pageInfo.hasNextPage,
    endCursor: page.pageInfo.endCursor ?? list.endCursor,
  };
}

/**
 * After markNotificationsRead succeeded for `ids` ('all': every notice, listed or not). Showing only unread ones, the
 * marked ones leave the list; otherwise they stay, with `readAt` set.
 */
export function markedRead<T extends NoticeItem>(
  list: NoticeList<T>,
  ids: string[] | 'all',
  at: string,
  unreadOnly: boolean,
): NoticeList<T> {
  const marked = (item: T) => !item.readAt && (ids === 'all' || ids.includes(item.id));
  if (unreadOnly) {
    if (ids === 'all') return { items: [], totalCount: 0, hasNextPage: false, endCursor: null };
    const items = list.items.filter((item) => !marked(item));
    return { ...list, items, totalCount: Math.max(0, list.totalCount - (list.items.length - items.length)) };
  }
  return { ...list, items: list.items.map((item) => (marked(item) ? { ...item, readAt: at } : item)) };
}

interface Linkable {
  challenge?: { slug: string; title: string } | null;
  proposal?: { title: string; challenge: { slug: string } } | null;
}

/** Where a notice leads: its challenge, or the challenge of its proposal (proposals have no page of their own). */
export function noticeLink(notice: Linkable): { to: string; text: string } | null {
  if (notice.challenge) {
    return { to: `/retos/${notice.challenge.slug}`, text: noticesTexts.challengeLink(notice.challenge.title) };
  }
  if (notice.proposal) {
    return { to: `/retos/${notice.proposal.challenge.slug}`, text: noticesTexts.proposalLink(notice.proposal.title) };
  }
  return null;
}
