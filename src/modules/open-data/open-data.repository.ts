import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ExportConnections } from './export-connections.js';
import type { DatasetName } from './open-data.columns.js';
import { everSubmittedSql } from '../../common/public-visibility.js';

/** Rows fetched per round trip from the server-side cursor: Node holds one batch at a time. */
export const CURSOR_BATCH = 1000;

/*
 * Every query takes $1 = a challenge id or null (all challenges) and $2 = the server clock's now, and
 * applies the embargo of RULES §4, §5, §7 and §9 itself: drafts never, hidden live tallies never,
 * evaluations only once the challenge is FINISHED, no e-mail, CURP, residence, token or voter id.
 */
// Every query mentions $2, so both parameters always bind.
const SCOPE = `($1::uuid IS NULL OR c.id = $1::uuid) AND $2::timestamptz IS NOT NULL`;
const PUBLISHED = `c.published_at IS NOT NULL AND ${SCOPE}`;
const PUBLIC_NAME = (u: string) => `CASE WHEN ${u}.anonymous_in_public THEN 'Anónimo' ELSE ${u}.display_name END`;

const QUERIES: Record<DatasetName, string> = {
  challenges: `
    SELECT c.id, c.slug, c.title, c.summary, c.category, to_jsonb(c.tags) AS tags,
      c.unit_id, gu.name AS unit_name, c.level, c.state_code, st.name AS state_name,
      c.municipality_code, mu.name AS municipality_name, c.budget::text AS budget,
      c.settings->>'votingMethod' AS voting_method, (c.settings->>'maxVotesPerVoter')::int AS max_votes_per_voter,
      c.settings->>'budgetRule' AS budget_rule, c.settings->>'voterBudget' AS voter_budget,
      (c.settings->>'winnerCount')::int AS winner_count, (c.settings->>'publicVoteWeight')::float8 AS public_vote_weight,
      (c.settings->>'normalizeJurorScores')::boolean AS normalize_juror_scores,
      (c.settings->>'blindEvaluation')::boolean AS blind_evaluation,
      (c.settings->>'minEvaluationsPerProposal')::int AS min_evaluations_per_proposal,
      (c.settings->>'jurorsPerProposal')::int AS jurors_per_proposal,
      (c.settings->>'requireCurp')::boolean AS require_curp, (c.settings->>'residentsOnly')::boolean AS residents_only,
      (c.settings->>'showLiveTally')::boolean AS show_live_tally, c.status,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('position', r.position, 'kind', r.kind, 'title', r.title,
          'opens_at', r.opens_at, 'closes_at', r.closes_at, 'status', r.status, 'advance_count', r.advance_count) ORDER BY r.position), '[]')
        FROM rounds r WHERE r.challenge_id = c.id) AS rounds,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('position', ec.position, 'name', ec.name, 'weight', ec.weight, 'max_score', ec.max_score) ORDER BY ec.position), '[]')
        FROM evaluation_criteria ec WHERE ec.challenge_id = c.id) AS criteria,
      (SELECT min(r.opens_at) FROM rounds r WHERE r.challenge_id = c.id) AS submission_opens_at,
      (SELECT max(r.closes_at) FROM rounds r WHERE r.challenge_id = c.id) AS final_closes_at,
      c.published_at, c.finished_at, c.cancelled_reason,
      (SELECT count(*)::int FROM proposals p WHERE p.challenge_id = c.id AND ${everSubmittedSql('p')}) AS proposal_count,
      (SELECT count(*)::int FROM jury_members j WHERE j.challenge_id = c.id) AS juror_count,
      cr.total_voters, cr.total_votes, cr.budget_used::text AS budget_used, cr.method AS results_method
    FROM challenges c
    JOIN government_units gu ON gu.id = c.unit_id
    LEFT JOIN states st ON st.code = c.state_code
    LEFT JOIN municipalities mu ON mu.code = c.municipality_code
    LEFT JOIN challenge_results cr ON cr.challenge_id = c.id AND c.status = 'FINISHED'
    WHERE ${PUBLISHED}
    ORDER BY c.published_at, c.id`,

  proposals: `
    SELECT p.id, p.challenge_id, p.title,
      CASE WHEN shown THEN p.summary ELSE '' END AS summary,
      CASE WHEN shown THEN p.body ELSE '' END AS body,
      CASE WHEN shown THEN p.estimated_cost::text END AS estimated_cost,
      CASE WHEN shown THEN p.latitude END AS latitude,
      CASE WHEN shown THEN p.longitude END AS longitude,
      CASE WHEN shown THEN to_jsonb(p.links) ELSE '[]'::jsonb END AS links,
      p.status, p.stage, p.eliminated_in_round, p.moderation_reason, NOT shown AS content_hidden,
      ${PUBLIC_NAME('u')} AS author,
      (SELECT coalesce(jsonb_agg(${PUBLIC_NAME('cu')} ORDER BY pc.created_at, pc.user_id), '[]')
        FROM proposal_co_authors pc JOIN users cu ON cu.id = pc.user_id WHERE pc.proposal_id = p.id) AS co_authors,
      p.submitted_at,
      CASE
        WHEN vr.id IS NULL THEN NULL
        WHEN vr.status = 'CLOSED' THEN (SELECT t.votes FROM round_tallies t WHERE t.round_id = vr.id AND t.proposal_id = p.id)
        WHEN (c.settings->>'showLiveTally')::boolean OR vr.closes_at <= $2 THEN
          CASE WHEN c.settings->>'votingMethod' = 'BUDGET'
            THEN (SELECT count(*)::int FROM budget_ballot_items i WHERE i.round_id = vr.id AND i.proposal_id = p.id)
            ELSE (SELECT count(*)::int FROM votes v WHERE v.round_id = vr.id AND v.proposal_id = p.id) END
      END AS votes,
      re.rank, CASE WHEN c.status = 'FINISHED' THEN coalesce(re.is_winner, false) END AS is_winner
    FROM proposals p
    JOIN challenges c ON c.id = p.challenge_id
    JOIN users u ON u.id = p.author_id
    CROSS JOIN LATERAL (SELECT p.status NOT IN ('HIDDEN', 'INELIGIBLE') AS shown) vis
    LEFT JOIN LATERAL (
      SELECT r.id, r.status, r.closes_at FROM rounds r
      WHERE r.challenge_id = p.challenge_id AND r.kind = 'VOTING' AND r.position <= p.stage AND r.status <> 'SCHEDULED'
      ORDER BY r.position DESC LIMIT 1) vr ON true
    LEFT JOIN result_entries re ON re.challenge_id = p.challenge_id AND re.proposal_id = p.id AND c.status = 'FINISHED'
    WHERE ${PUBLISHED} AND ${everSubmittedSql('p')}
    ORDER BY p.challenge_id, p.submitted_at NULLS LAST, p.id`,

  results: `
    SELECT re.challenge_id, re.proposal_id, p.title AS proposal_title, re.rank, re.votes, re.vote_score, re.jury_score,
      re.final_score, re.is_winner, re.allocated::text AS allocated, re.evaluation_count,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('position', ec.position, 'criterion', ec.name, 'average', (a->>'average')::float8) ORDER BY ec.position), '[]')
        FROM jsonb_array_elements(re.criterion_averages) a JOIN evaluation_criteria ec ON ec.id = (a->>'criterionId')::uuid) AS criterion_averages,
      re.juror_scores, cr.published_at
    FROM result_entries re
    JOIN challenge_results cr ON cr.challenge_id = re.challenge_id
    JOIN challenges c ON c.id = re.challenge_id
    JOIN proposals p ON p.id = re.proposal_id
    WHERE ${PUBLISHED} AND c.status = 'FINISHED'
    ORDER BY re.challenge_id, re.rank`,

  evaluations: `
    SELECT c.id AS challenge_id, r.id AS round_id, r.position AS round_position, r.position = last.position AS final_round,
      e.proposal_id, j.label AS juror_label,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('posicion', ec.position, 'criterio', ec.name, 'peso', ec.weight,
          'maximo', ec.max_score, 'calificacion', (s->>'score')::int) ORDER BY ec.position), '[]')
        FROM jsonb_array_elements(e.scores) s JOIN evaluation_criteria ec ON ec.id = (s->>'criterionId')::uuid) AS criterion_scores,
      e.total,
      CASE WHEN r.position = last.position THEN (
        SELECT (js->>'normalized')::float8 FROM result_entries re, jsonb_array_elements(re.juror_scores) js
        WHERE re.challenge_id = c.id AND re.proposal_id = e.proposal_id AND js->>'jurorLabel' = j.label) END AS normalized_total,
      e.updated_at AS submitted_at
    FROM evaluations e
    JOIN rounds r ON r.id = e.round_id
    JOIN challenges c ON c.id = r.challenge_id
    JOIN (SELECT jm.id, 'Jurado ' || row_number() OVER (PARTITION BY jm.challenge_id ORDER BY jm.public_label_key, jm.id) AS label
          FROM jury_members jm) j ON j.id = e.juror_id
    CROSS JOIN LATERAL (SELECT max(position) AS position FROM rounds WHERE challenge_id = c.id) last
    WHERE ${PUBLISHED} AND c.status = 'FINISHED'
    ORDER BY c.id, r.position, e.proposal_id, j.label`,

  tallies: `
    SELECT * FROM (
      SELECT c.id AS challenge_id, r.id AS round_id, r.position AS round_position, t.proposal_id, t.votes, t.rank, t.share,
        t.advanced, true AS final
      FROM round_tallies t JOIN rounds r ON r.id = t.round_id JOIN challenges c ON c.id = r.challenge_id
      WHERE ${PUBLISHED} AND r.status = 'CLOSED'
      UNION ALL
      SELECT challenge_id, round_id, round_position, proposal_id, votes,
        (row_number() OVER (PARTITION BY round_id ORDER BY votes DESC, submitted_at, proposal_id))::int AS rank,
        coalesce(votes::float8 / nullif(sum(votes) OVER (PARTITION BY round_id), 0), 0) AS share,
        NULL::boolean AS advanced, false AS final
      FROM (
        SELECT c.id AS challenge_id, r.id AS round_id, r.position AS round_position, p.id AS proposal_id, p.submitted_at,
          CASE WHEN c.settings->>'votingMethod' = 'BUDGET'
            THEN (SELECT count(*)::int FROM budget_ballot_items i WHERE i.round_id = r.id AND i.proposal_id = p.id)
            ELSE (SELECT count(*)::int FROM votes v WHERE v.round_id = r.id AND v.proposal_id = p.id) END AS votes
        FROM rounds r JOIN challenges c ON c.id = r.challenge_id
        JOIN proposals p ON p.challenge_id = c.id AND p.status = 'SUBMITTED' AND p.stage = r.position AND p.eliminated_in_round IS NULL
        WHERE ${PUBLISHED} AND c.status = 'PUBLISHED' AND r.kind = 'VOTING' AND r.status = 'OPEN'
          AND ((c.settings->>'showLiveTally')::boolean OR r.closes_at <= $2)
      ) live
    ) tallies
    ORDER BY challenge_id, round_position, rank`,

  'audit-events': `
    SELECT a.seq::text AS seq, a.id, a.challenge_id, a.action, a.summary, a.created_at
    FROM audit_events a JOIN challenges c ON c.id = a.challenge_id
    WHERE ${PUBLISHED}
    ORDER BY a.seq`,
};

export interface DataVersion {
  /** Changes whenever anything an export may show changes (and only what the public may know about). */
  tag: string;
  modifiedAt: Date;
}

/** The only place with the open-data SQL; holds no rules beyond the embargo conditions in the queries. */
@Injectable()
export class OpenDataRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exportConnections: ExportConnections,
  ) {}

  async challengeExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM challenges WHERE id = $1 AND published_at IS NOT NULL`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * The dataset's rows in batches from a server-side cursor, inside one read-only REPEATABLE READ
   * transaction (a consistent snapshot). Whatever the size, Node holds one batch; stopping early
   * (a client that disconnects) closes the transaction and returns the connection. The connection comes from
   * the downloads' own pool (ExportConnections), never the API's.
   */
  async *rows(
    dataset: DatasetName,
    challengeId: string | null,
    now: Date,
    batch = CURSOR_BATCH,
  ): AsyncGenerator<Record<string, unknown>[]> {
    const client = await this.exportConnections.connect();
    let open = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await client.query(`DECLARE open_data NO SCROLL CURSOR FOR ${QUERIES[dataset]}`, [challengeId, now]);
      for (;;) {
        const { rows } = await client.query<Record<string, unknown>>(`FETCH ${batch} FROM open_data`);
        if (rows.length) yield rows;
        if (rows.length < batch) break;
      }
      await client.query('COMMIT');
      open = false;
    } finally {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  /**
   * A cheap fingerprint of what one file shows (issue #16): each dataset lists the parts its rows are made
   * of (FILE_PARTS), so a file's ETag and Last-Modified move only when its own data does. Accounts enter
   * only as the public names a file prints, hashed; no account's registration, residence or other change
   * reaches any fingerprint. Votes count only where their counts are public (a hidden tally must not leak
   * through the ETag either).
   */
  async version(file: DatasetName | 'catalog', challengeId: string | null, now: Date): Promise<DataVersion> {
    const parts = FILE_PARTS[file];
    const select = parts.flatMap((part, i) => {
      const sql = VERSION_PARTS[part];
      return [`${sql.tag} AS t${i}`, ...(sql.at ? [`${sql.at} AS d${i}`] : [])];
    });
    const [row]: Record<string, string | Date | null>[] = await this.dataSource.query(
      `WITH c AS (SELECT c.id, c.settings, c.status, c.updated_at FROM challenges c WHERE ${PUBLISHED}),
       live AS (
         SELECT r.id FROM rounds r JOIN c ON c.id = r.challenge_id
         WHERE r.kind = 'VOTING' AND r.status = 'OPEN' AND ((c.settings->>'showLiveTally')::boolean OR r.closes_at <= $2))
       SELECT ${select.join(', ')}`,
      [challengeId, now],
    );
    const tag = parts.map((part, i) => `${part}=${String(row[`t${i}`] ?? '')}`).join('|');
    const dates = parts.map((_, i) => row[`d${i}`]).filter((d): d is Date => d instanceof Date);
    const modifiedAt = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
    return { tag, modifiedAt };
  }
}

/** The pieces a file can be made of; `c` is the published challenges in scope, `live` their public live tallies. */
type VersionPart = 'audit' | 'challenges' | 'passed' | 'proposals' | 'names' | 'votes' | 'ballots' | 'jury' | 'results';

const IN_SCOPE = `challenge_id IN (SELECT id FROM c)`;
const PUBLIC_PROPOSALS = `FROM proposals p WHERE p.${IN_SCOPE} AND ${everSubmittedSql('p')}`;

/** `tag`: a text that changes with the part; `at`: when it last changed, if the part has a date of its own. */
const VERSION_PARTS: Record<VersionPart, { tag: string; at: string | null }> = {
  audit: {
    tag: `(SELECT max(a.seq)::text FROM audit_events a WHERE a.${IN_SCOPE})`,
    at: `(SELECT max(a.created_at) FROM audit_events a WHERE a.${IN_SCOPE})`,
  },
  challenges: {
    tag: `(SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM c)`,
    at: `(SELECT max(updated_at) FROM c)`,
  },
  passed: {
    tag: `(SELECT count(*) || ':' || coalesce(max(r.closes_at)::text, '') FROM rounds r WHERE r.${IN_SCOPE} AND r.closes_at <= $2)`,
    at: `(SELECT max(r.closes_at) FROM rounds r WHERE r.${IN_SCOPE} AND r.closes_at <= $2)`,
  },
  proposals: {
    tag: `(SELECT count(*) || ':' || coalesce(max(p.updated_at)::text, '') ${PUBLIC_PROPOSALS})`,
    at: `(SELECT max(p.updated_at) ${PUBLIC_PROPOSALS})`,
  },
  // The public names exactly as the proposals file prints them. No date: an account's updated_at would
  // also move on changes the file does not show (residence, e-mail), so Last-Modified ignores names and
  // only the ETag follows them.
  names: {
    tag: `(SELECT md5(coalesce(string_agg(p.id || ':' || ${PUBLIC_NAME('u')} || ':' || coalesce(co.names, ''), ',' ORDER BY p.id), ''))
      FROM proposals p JOIN users u ON u.id = p.author_id
      LEFT JOIN LATERAL (SELECT string_agg(${PUBLIC_NAME('cu')}, ',' ORDER BY pc.created_at, pc.user_id) AS names
        FROM proposal_co_authors pc JOIN users cu ON cu.id = pc.user_id WHERE pc.proposal_id = p.id) co ON true
      WHERE p.${IN_SCOPE} AND ${everSubmittedSql('p')})`,
    at: null,
  },
  votes: {
    tag: `(SELECT count(*) || ':' || coalesce(max(v.created_at)::text, '') FROM votes v WHERE v.round_id IN (SELECT id FROM live))`,
    at: `(SELECT max(v.created_at) FROM votes v WHERE v.round_id IN (SELECT id FROM live))`,
  },
  ballots: {
    tag: `(SELECT count(*) || ':' || coalesce(max(b.submitted_at)::text, '') FROM budget_ballots b WHERE b.round_id IN (SELECT id FROM live))`,
    at: `(SELECT max(b.submitted_at) FROM budget_ballots b WHERE b.round_id IN (SELECT id FROM live))`,
  },
  // The juror count (challenges) and the public labels (evaluations), never who sits on the jury.
  jury: {
    tag: `(SELECT count(*) || ':' || md5(coalesce(string_agg(j.id || ':' || j.public_label_key, ',' ORDER BY j.id), '')) FROM jury_members j WHERE j.${IN_SCOPE})`,
    at: null,
  },
  results: {
    tag: `(SELECT count(*) || ':' || coalesce(max(cr.published_at)::text, '') FROM challenge_results cr WHERE cr.${IN_SCOPE})`,
    at: `(SELECT max(cr.published_at) FROM challenge_results cr WHERE cr.${IN_SCOPE})`,
  },
};

/** What each file is made of. The catalog lists every file, so it follows all of them but the names. */
const FILE_PARTS: Record<DatasetName | 'catalog', VersionPart[]> = {
  challenges: ['audit', 'challenges', 'passed', 'proposals', 'jury', 'results'],
  proposals: ['audit', 'challenges', 'passed', 'proposals', 'names', 'votes', 'ballots', 'results'],
  results: ['audit', 'challenges', 'proposals', 'results'],
  evaluations: ['audit', 'challenges', 'jury', 'results'],
  tallies: ['audit', 'challenges', 'passed', 'proposals', 'votes', 'ballots'],
  'audit-events': ['audit', 'challenges'],
  catalog: ['audit', 'challenges', 'passed', 'proposals', 'votes', 'ballots', 'jury', 'results'],
};
