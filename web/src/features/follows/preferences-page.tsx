// Avisos: which notices arrive, in the platform and by e-mail (RULES §8), one switch per kind and channel.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { NotificationType } from '../../gql/graphql';
import { useAnnounce } from '../../shared/announcer';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { channelLabel, preferenceRows, switchLabel, type NotificationChannel } from './notification-preferences';
import { preferenceTexts } from './preference-texts';

const PreferencesDocument = graphql(`
  query NotificationPreferences {
    viewer {
      id
      juryMemberships {
        id
      }
      notificationPreferences {
        type
        channel
        enabled
      }
    }
  }
`);

const SetPreferenceDocument = graphql(`
  mutation SetNotificationPreference($type: NotificationType!, $channel: NotificationChannel!, $enabled: Boolean!) {
    setNotificationPreference(type: $type, channel: $channel, enabled: $enabled) {
      type
      channel
      enabled
    }
  }
`);

const CHANNELS: NotificationChannel[] = ['IN_APP', 'EMAIL'];

export function PreferencesPage() {
  const session = useSession();
  const announce = useAnnounce();
  const [result, reexecute] = useQuery({ query: PreferencesDocument, pause: !session.viewer });
  const [, setPreference] = useMutation(SetPreferenceDocument);
  // What the server answered to this page's changes: a switch shows it at once, before the list is fetched again.
  const [stored, setStored] = useState<Record<string, boolean>>({});
  if (!session.ready || (session.viewer && result.fetching && !result.data)) return <Page title={texts.loading} />;
  const viewer = result.data?.viewer;
  if (!session.viewer || !viewer) {
    return (
      <Page title={preferenceTexts.title}>
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/cuenta/avisos')}`}>{preferenceTexts.signIn}</Link>
        </p>
      </Page>
    );
  }
  const rows = preferenceRows(viewer.notificationPreferences, viewer.juryMemberships.length > 0);
  const change = async (type: string, label: string, channel: NotificationChannel, enabled: boolean) => {
    const outcome = await setPreference({ type: type as NotificationType, channel, enabled });
    const saved = outcome.data?.setNotificationPreference;
    if (saved) setStored((previous) => ({ ...previous, [`${type}:${channel}`]: saved.enabled }));
    announce(saved ? preferenceTexts.saved(label, channelLabel[channel], saved.enabled) : texts.errors.network);
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={preferenceTexts.title}>
      <p>{preferenceTexts.intro}</p>
      <div className="table-scroll" role="region" aria-labelledby="avisos-tabla" tabIndex={0}>
        <table className="preferences-table">
          <caption id="avisos-tabla">{preferenceTexts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{preferenceTexts.kind}</th>
              {CHANNELS.map((c) => (
                <th scope="col" key={c}>
                  {channelLabel[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type}>
                <th scope="row">{row.label}</th>
                {CHANNELS.map((channel) => {
                  const checked = stored[`${row.type}:${channel}`] ?? (channel === 'IN_APP' ? row.inApp : row.email);
                  return (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        className="preference-switch"
                        aria-label={switchLabel(row, channel)}
                        checked={checked}
                        onChange={() => void change(row.type, row.label, channel, !checked)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="/cuenta/sigo">{preferenceTexts.followsLink}</Link>
      </p>
    </Page>
  );
}
