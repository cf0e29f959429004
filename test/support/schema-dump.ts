import { execFileSync } from 'node:child_process';
/**
 * The schema of a database as `pg_dump --schema-only` prints it, without what changes from dump to dump
 * (comments, session settings, the random \restrict key of newer pg_dump releases) and without blank runs.
 */
export function dumpSchema(databaseUrl: string): string {
  const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', databaseUrl], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const kept = dump
    .split('\n')
    .filter((line) => !/^(--|SET |SELECT pg_catalog\.set_config|\\restrict |\\unrestrict )/.test(line))
    .join('\n');
  return kept.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
