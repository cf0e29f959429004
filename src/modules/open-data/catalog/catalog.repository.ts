import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CatalogChallenge } from './dcat-catalog.js';

interface ChallengeRow {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  status: string;
  level: string;
  unit_id: string;
  unit_name: string;
  state_code: string | null;
  state_name: string | null;
  municipality_code: string | null;
  municipality_name: string | null;
  published_at: Date;
  modified_at: Date;
  starts_at: Date | null;
  ends_at: Date | null;
}

/*
 * Published challenges only (drafts never appear, RULES §4), in a stable order so pages do not shift while a
 * harvester walks them (new challenges land at the end). "Modified" follows what the per-challenge files show:
 * the challenge, its public proposals and its audit log.
 */
const CHALLENGES = `
  SELECT c.id, c.title, c.summary, c.tags, c.status, c.level, gu.id AS unit_id, gu.name AS unit_name,
    c.state_code, st.name AS state_name, c.municipality_code, mu.name AS municipality_name, c.published_at,
    greatest(c.updated_at, c.published_at,
      (SELECT max(a.created_at) FROM audit_events a WHERE a.challenge_id = c.id),
      (SELECT max(p.updated_at) FROM proposals p WHERE p.challenge_id = c.id AND p.status <> 'DRAFT')) AS modified_at,
    (SELECT min(r.opens_at) FROM rounds r WHERE r.challenge_id = c.id) AS starts_at,
    (SELECT max(r.closes_at) FROM rounds r WHERE r.challenge_id = c.id) AS ends_at
  FROM challenges c
  JOIN government_units gu ON gu.id = c.unit_id
  LEFT JOIN states st ON st.code = c.state_code
  LEFT JOIN municipalities mu ON mu.code = c.municipality_code
  WHERE c.published_at IS NOT NULL
  ORDER BY c.published_at, c.id
  OFFSET $1 LIMIT $2`;

/** The catalogue's reads: how many challenges are public, and one page of them. Read-only. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countPublishedChallenges(): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM challenges WHERE published_at IS NOT NULL`,
    );
    return row.n;
  }

  async publishedChallenges(offset: number, limit: number): Promise<CatalogChallenge[]> {
    if (limit <= 0) return [];
    const rows: ChallengeRow[] = await this.dataSource.query(CHALLENGES, [offset, limit]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      tags: r.tags,
      status: r.status,
      level: r.level,
      unit: { id: r.unit_id, name: r.unit_name },
      state: r.state_code && r.state_name ? { code: r.state_code, name: r.state_name } : null,
      municipality:
        r.municipality_code && r.municipality_name ? { code: r.municipality_code, name: r.municipality_name } : null,
      publishedAt: r.published_at,
      modifiedAt: r.modified_at,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
    }));
  }
}
