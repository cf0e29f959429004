// The header's link to /avisos with the unread count, kept live by the notificationReceived subscription.
// It is in the first load, so it stays small: the list page is a lazy chunk (lazy.tsx).
import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { useClient, useQuery, type Client } from 'urql';
import { graphql } from '../../gql';
import { useAnnounce } from '../../shared/announcer';
import { bellBadge, bellTexts, bellUnreadText } from './bell-label';

const UnreadNoticesDocument = graphql(`
  query UnreadNotices {
    viewer {
      id
      unreadNotificationCount
    }
  }
`);

const NoticeArrivedDocument = graphql(`
  subscription NoticeArrived {
    notificationReceived {
      id
      title
    }
  }
`);

/** Asks the API for the count again; urql hands the answer to the bell, which watches the same query. */
export function refreshUnreadCount(client: Client): Promise<unknown> {
  return client.query(UnreadNoticesDocument, {}, { requestPolicy: 'network-only' }).toPromise();
}

export function NoticesBell() {
  const client = useClient();
  const announce = useAnnounce();
  const [result] = useQuery({ query: UnreadNoticesDocument });
  useEffect(() => {
    const subscription = client.subscription(NoticeArrivedDocument, {}).subscribe(({ data }) => {
      if (!data) return;
      announce(bellTexts.arrived(data.notificationReceived.title));
      // Counted by the API rather than here: a notice delivered twice is still one unread notice.
      void refreshUnreadCount(client);
    });
    return () => subscription.unsubscribe();
  }, [client, announce]);
  const unread = result.data?.viewer?.unreadNotificationCount ?? 0;
  const badge = bellBadge(unread);
  return (
    // The name comes from the content ("Avisos (3 sin leer)"), so it always holds the visible word (WCAG 2.5.3).
    <NavLink to="/avisos" className="notices-bell">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {bellTexts.name}
      {badge && (
        <>
          <span className="visually-hidden">{bellUnreadText(unread)}</span>
          <span className="notices-count" aria-hidden="true">
            {badge}
          </span>
        </>
      )}
    </NavLink>
  );
}
