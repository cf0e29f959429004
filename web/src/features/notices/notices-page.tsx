// Avisos: the viewer's notices, newest first, with «Solo sin leer» and marking read (RULES §8).
import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useClient, useMutation, type Client } from 'urql';
import { graphql } from '../../gql';
import type { NoticesQuery } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { formatDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { refreshUnreadCount } from './notices-bell';
import { firstPage, markedRead, noticeLink, withNextPage, type NoticeList } from './notices-rules';
import { noticesTexts as t } from './notices-texts';
import './notices.css';

const NoticesDocument = graphql(`
  query Notices($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        body
        createdAt
        readAt
        challenge {
          id
          slug
          title
        }
        proposal {
          id
          title
          challenge {
            id
            slug
          }
        }
      }
    }
  }
`);

const MarkNoticesReadDocument = graphql(`
  mutation MarkNoticesRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

type Notice = NoticesQuery['notifications']['nodes'][number];

const PAGE_SIZE = 20;
/** `?solo=sin-leer` keeps the filter in the address, so reload and Back keep it. */
const FILTER_PARAM = 'solo';
const UNREAD_VALUE = 'sin-leer';
const LIST_HEADING_ID = 'avisos-lista';
const noticeHeadingId = (id: string) => `aviso-${id}`;

function fetchPage(client: Client, unreadOnly: boolean, after: string | null) {
  return client
    .query(NoticesDocument, { first: PAGE_SIZE, after, unreadOnly }, { requestPolicy: 'network-only' })
    .toPromise();
}

function NoticeCard({ notice, onMarkRead }: { notice: Notice; onMarkRead: (id: string) => void }) {
  const unread = !notice.readAt;
  const link = noticeLink(notice);
  return (
    <li className={unread ? 'card notice notice-unread' : 'card notice'}>
      <h3 id={noticeHeadingId(notice.id)} tabIndex={-1}>
        {unread && <span className="badge notice-unread-badge">{t.unread}</span>} {notice.title}
      </h3>
      <p>{notice.body}</p>
      <p className="field-hint">
        <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
      </p>
      {link && (
        <p>
          <Link to={link.to}>{link.text}</Link>
        </p>
      )}
      {unread && (
        <button type="button" className="button-secondary" onClick={() => onMarkRead(notice.id)}>
          {t.markOne}
          <span className="visually-hidden"> «{notice.title}»</span>
        </button>
      )}
    </li>
  );
}

/** One filter's list; remounted (key) when the filter changes, so it starts empty and loads its first page. */
function NoticesResults({ unreadOnly, announceCount }: { unreadOnly: boolean; announceCount: boolean }) {
  const client = useClient();
  const announce = useAnnounce();
  const [list, setList] = useState<NoticeList<Notice> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, markRead] = useMutation(MarkNoticesReadDocument);
  // Focus to move once the list shows the change: a notice's heading, or the list's when that notice left it.
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void fetchPage(client, unreadOnly, null).then((result) => {
      if (!live) return;
      if (!result.data) return setError(texts.errors.network);
      setList(firstPage(result.data.notifications));
      if (announceCount) announce(t.count(result.data.notifications.totalCount, unreadOnly));
    });
    return () => {
      live = false;
    };
  }, [client, unreadOnly, announceCount, announce]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target || !list) return;
    pendingFocus.current = null;
    (document.getElementById(target) ?? document.getElementById(LIST_HEADING_ID))?.focus();
  }, [list]);

  const loadMore = async () => {
    if (!list || busy) return;
    setBusy(true);
    const result = await fetchPage(client, unreadOnly, list.endCursor);
    setBusy(false);
    if (!result.data) return setError(texts.errors.network);
    const next = withNextPage(list, result.data.notifications);
    const added = next.items.slice(list.items.length);
    if (added[0]) pendingFocus.current = noticeHeadingId(added[0].id);
    setList(next);
    announce(t.loadedMore(added.length));
  };

  const mark = async (ids: string[] | null) => {
    if (!list || busy) return;
    setBusy(true);
    setError(null);
    const result = await markRead({ ids });
    setBusy(false);
    if (result.error || result.data === undefined) {
      return setError(result.error?.graphQLErrors[0]?.message ?? texts.errors.network);
    }
    if (ids) pendingFocus.current = noticeHeadingId(ids[0]);
    setList(markedRead(list, ids ?? 'all', new Date().toISOString(), unreadOnly));
    announce(ids ? t.markedOne : t.markedAll(result.data.markNotificationsRead));
    void refreshUnreadCount(client);
  };

  if (error && !list) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (!list) return <p>{texts.loading}</p>;
  return (
    <section aria-labelledby={LIST_HEADING_ID}>
      {list.items.length > 0 && (
        <p>
          <button type="button" className="button-secondary" onClick={() => void mark(null)}>
            {t.markAll}
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h2 id={LIST_HEADING_ID} tabIndex={-1}>
        {t.count(list.totalCount, unreadOnly)}
      </h2>
      {list.items.length === 0 ? (
        <p>{unreadOnly ? t.noneUnread : t.none}</p>
      ) : (
        <ul className="card-list">
          {list.items.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} onMarkRead={(id) => void mark([id])} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <p>
          <button type="button" className="button-secondary" onClick={() => void loadMore()}>
            {t.loadMore}
          </button>
        </p>
      )}
    </section>
  );
}

function NoticesView() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get(FILTER_PARAM) === UNREAD_VALUE;
  const [filterChanged, setFilterChanged] = useState(false);
  const toggleFilter = (checked: boolean) => {
    setFilterChanged(true);
    setParams(checked ? { [FILTER_PARAM]: UNREAD_VALUE } : {}, { replace: true });
  };
  return (
    <Page title={t.title} lead={<p>{t.intro}</p>}>
      <p>
        <Link to="/cuenta/avisos">{t.preferencesLink}</Link>
      </p>
      <p className="notices-filter">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => toggleFilter(e.target.checked)} /> {t.unreadOnly}
        </label>
      </p>
      <NoticesResults key={String(unreadOnly)} unreadOnly={unreadOnly} announceCount={filterChanged} />
    </Page>
  );
}

/** Signed-out visitors go to sign in and come back here. */
export function NoticesPage() {
  const session = useSession();
  const location = useLocation();
  if (!session.ready) return <Page title={texts.loading} />;
  if (!session.viewer) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate replace to={`/entrar?volver=${encodeURIComponent(back)}`} />;
  }
  return <NoticesView />;
}
