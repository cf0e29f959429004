import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../shared/page';
import { useSession } from '../../shared/session';
import { texts } from '../../shared/texts';
import { ChallengeForm, type FormUnit } from './challenge-form';
import { formTexts as t } from './challenge-form-texts';
import { initialValues } from './form-state';

export const MyUnits = graphql(`
  query ChallengeFormUnits {
    viewer {
      id
      platformRole
      memberships {
        role
        unit {
          id
          name
          level
          state {
            name
          }
          municipality {
            name
          }
        }
      }
    }
  }
`);

/** The units the viewer may create challenges for, and whether they may publish in each. */
export function useFormUnits(): { units: FormUnit[] | null } {
  const [result] = useQuery({ query: MyUnits });
  const viewer = result.data?.viewer;
  if (!result.data) return { units: null };
  if (!viewer) return { units: [] };
  return {
    units: viewer.memberships.map((m) => ({
      ...m.unit,
      canPublish: m.role === 'ADMIN' || viewer.platformRole === 'ADMIN',
    })),
  };
}

function NewChallengeForm() {
  const { units } = useFormUnits();
  if (!units) return <p>{texts.loading}</p>;
  if (!units.length) return <p>{t.noUnit}</p>;
  return <ChallengeForm units={units} initial={initialValues(units[0].id, t.defaultRoundTitle)} />;
}

export function NewChallengePage() {
  const session = useSession();
  return (
    <Page title={t.newTitle} lead={<p>{t.lead}</p>}>
      {!session.ready ? (
        <p>{texts.loading}</p>
      ) : session.viewer ? (
        <NewChallengeForm />
      ) : (
        <p>
          <Link to={`/entrar?volver=${encodeURIComponent('/mi-unidad/nuevo-reto')}`}>{t.signIn}</Link>
        </p>
      )}
    </Page>
  );
}
