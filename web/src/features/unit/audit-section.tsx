// The challenge's public audit log as a Spanish timeline: who did what and when, most recent first.
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDateTime } from '../../shared/format';
import { texts } from '../../shared/texts';
import { unitTexts } from './unit-texts';

const UnitAuditDocument = graphql(`
  query UnitAudit($id: ID!) {
    challenge(id: $id) {
      id
      auditLog(first: 50) {
        totalCount
        nodes {
          id
          action
          summary
          createdAt
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`);

export function AuditSection({ challengeId, version }: { challengeId: string; version: number }) {
  const [result, reexecute] = useQuery({
    query: UnitAuditDocument,
    variables: { id: challengeId },
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const events = result.data?.challenge?.auditLog.nodes;
  return (
    <section aria-labelledby="bitacora" className="unit-section">
      <h2 id="bitacora" tabIndex={-1}>
        {unitTexts.auditTitle}
      </h2>
      <p>{unitTexts.auditIntro}</p>
      {!events ? (
        <p>{result.error ? texts.errors.network : texts.loading}</p>
      ) : events.length === 0 ? (
        <p>{unitTexts.auditEmpty}</p>
      ) : (
        <ol className="timeline unit-audit">
          {events.map((event) => (
            <li key={event.id}>
              <p>
                <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
              </p>
              <p>{event.summary}</p>
              <p className="card-meta">{unitTexts.auditBy(event.actor?.displayName ?? unitTexts.system)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
