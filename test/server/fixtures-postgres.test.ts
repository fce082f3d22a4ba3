import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

// Runs the helper in a child process, where no PostgreSQL binaries can be found.
function withoutServer(env: Record<string, string>) {
  const script = `
    const { testPostgres } = await import(${JSON.stringify(new URL('./fixtures/postgres.ts', import.meta.url).href)});
    const result = await testPostgres();
    console.log('result ' + JSON.stringify({ skip: result.skip, started: Boolean(result.server) }));`;
  const { PTS_TEST_DATABASE_URL: _external, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...inherited, PTS_PG_BINDIR: '/no/postgresql/here', ...env },
  });
}

describe('test PostgreSQL helper', () => {
  it('skips with a one-line notice where no server can be started', () => {
    const child = withoutServer({ PTS_REQUIRE_POSTGRES: '' });
    assert.equal(child.status, 0, child.stderr);
    const notices = child.stdout.split('\n').filter((line) => line.startsWith('# PostgreSQL tests skipped'));
    assert.deepEqual(notices, ['# PostgreSQL tests skipped: no PostgreSQL server binaries (install Debian\'s postgresql package)']);
    assert.match(child.stdout, /result \{"skip":"PostgreSQL tests skipped: no PostgreSQL server binaries[^"]*","started":false\}/);
  });

  it('fails instead when PTS_REQUIRE_POSTGRES=1, as in CI', () => {
    const child = withoutServer({ PTS_REQUIRE_POSTGRES: '1' });
    assert.notEqual(child.status, 0);
    assert.match(child.stderr, /no PostgreSQL server binaries/);
    assert.doesNotMatch(child.stdout, /result/);
  });
});
