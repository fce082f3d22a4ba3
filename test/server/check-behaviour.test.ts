import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkBaseUrl, identityProbeFor } from '../../src/server/index.js';
import { judgeIdentity } from '../../src/server/check/index.js';
import { redirect, stubLookup, stubTransport } from './fixtures/stubs.js';

const lookup = () =>
  stubLookup({
    'many.example.com': ['8.8.8.8', '2001:4860:4860::8888', '8.8.4.4'],
    'other.example.com': ['1.1.1.1'],
  });

describe('checkBaseUrl behaviour', () => {
  test('lists addresses in the order connections use them, hop by hop', async () => {
    const transport = stubTransport({ 'https://many.example.com/': redirect('https://other.example.com/') });
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport, allowCrossHostRedirects: true });
    assert.equal(outcome.status, 'passed');
    assert.deepEqual(outcome.addresses, ['8.8.8.8', '2001:4860:4860::8888', '8.8.4.4', '1.1.1.1']);
    assert.deepEqual(transport.calls.map((c) => [c.url, c.address]), [
      ['https://many.example.com/', '8.8.8.8'],
      ['https://other.example.com/', '1.1.1.1'],
    ]);
  });

  test('a redirect to another host fails the redirect check, names the hop and is never requested', async () => {
    const transport = stubTransport({ 'https://many.example.com/': redirect('https://other.example.com/login?next=1') });
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport });
    assert.equal(outcome.status, 'blocked');
    const entry = outcome.checks.find((c) => c.name === 'redirect')!;
    assert.equal(entry.status, 'failed');
    assert.equal(entry.offender, 'https://other.example.com/login?next=1');
    assert.match(entry.detail ?? '', /hop 1 .*leaves many\.example\.com for other\.example\.com/);
    assert.deepEqual(transport.calls.map((c) => c.url), ['https://many.example.com/']);
  });

  test('with allowCrossHostRedirects the same hop is checked in full and followed', async () => {
    const transport = stubTransport({ 'https://many.example.com/': redirect('https://other.example.com/login') });
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport, allowCrossHostRedirects: true });
    assert.equal(outcome.status, 'passed');
    assert.match(outcome.checks.find((c) => c.name === 'redirect')!.detail ?? '', /other\.example\.com\/login/);
    assert.deepEqual(transport.calls.map((c) => c.url), ['https://many.example.com/', 'https://other.example.com/login']);
    // Still refused when the other host is private, option or not.
    const priv = await checkBaseUrl('https://many.example.com/', {
      lookup: stubLookup({ 'many.example.com': ['8.8.8.8'], 'intra.example.com': ['10.1.1.1'] }),
      transport: stubTransport({ 'https://many.example.com/': redirect('https://intra.example.com/') }),
      allowCrossHostRedirects: true,
    });
    assert.equal(priv.checks.find((c) => c.name === 'redirect')?.offender, '10.1.1.1');
  });

  test('an http to https upgrade on the typed host is not a cross-host hop', async () => {
    const transport = stubTransport({ 'http://many.example.com/': redirect('https://many.example.com/', 301) });
    const outcome = await checkBaseUrl('http://many.example.com/', { lookup: lookup(), transport, allowHttp: true });
    assert.equal(outcome.status, 'passed', JSON.stringify(outcome.checks));
  });

  test('falls back to the next checked address when one does not answer', async () => {
    const calls: string[] = [];
    const outcome = await checkBaseUrl('https://many.example.com/', {
      lookup: lookup(),
      transport: async (req) => {
        calls.push(req.address);
        if (req.address === '8.8.8.8') throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
        return { status: 200, headers: {} };
      },
    });
    assert.equal(outcome.status, 'passed');
    assert.deepEqual(calls, ['8.8.8.8', '2001:4860:4860::8888']);
  });

  test('probe false makes no request and skips redirect and ownership', async () => {
    const transport = stubTransport();
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport, probe: false, provider: 'jira', deploymentMode: 'self-hosted' });
    assert.equal(outcome.status, 'passed');
    assert.equal(transport.calls.length, 0);
    const status = Object.fromEntries(outcome.checks.map((c) => [c.name, c.status]));
    assert.deepEqual(status, { scheme: 'passed', private_network: 'passed', reserved_ip: 'passed', redirect: 'skipped', dns_rebinding: 'passed', ownership: 'skipped' });
  });

  test('sends no credentials and asks for JSON', async () => {
    const transport = stubTransport();
    await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport });
    const headers = transport.calls[0]!.headers;
    assert.deepEqual(Object.keys(headers).sort(), ['accept', 'user-agent']);
    assert.equal(transport.calls[0]!.method, 'GET');
  });

  test('an invalid allow entry rejects (operator error); bad input never does', async () => {
    await assert.rejects(checkBaseUrl('https://many.example.com/', { allow: ['10.0.0.0/40'] }), TypeError);
    for (const input of [Symbol('x'), () => 1, new URL('https://x.example/'), Number.NaN]) {
      const outcome = await checkBaseUrl(input, { lookup: lookup() });
      assert.equal(outcome.status, 'blocked');
      assert.equal(outcome.checks[0]!.status, 'failed');
    }
  });

  test('a cancelled check blocks', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: stubLookup({ 'many.example.com': 'hang' }), signal: controller.signal });
    assert.equal(outcome.status, 'blocked');
    assert.match(outcome.checks.find((c) => c.name === 'private_network')?.detail ?? '', /ABORTED/);
  });

  test('ownership is skipped without a provider and for webhooks', async () => {
    for (const options of [{}, { provider: 'webhook', deploymentMode: 'webhook' }, { provider: 'linear', deploymentMode: 'cloud' }] as const) {
      const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport: stubTransport(), ...options });
      assert.equal(outcome.status, 'passed');
      assert.equal(outcome.checks.find((c) => c.name === 'ownership')?.status, 'skipped');
    }
  });

  test('says why each check failed or was skipped as a reason code a client can word', async () => {
    const reasons = (o: { checks: ReadonlyArray<{ name: string; reason?: string | undefined }> }) =>
      Object.fromEntries(o.checks.map((c) => [c.name, c.reason]));
    const unknown = await checkBaseUrl('https://nowhere.example.com/', { lookup: lookup(), transport: stubTransport() });
    assert.equal(reasons(unknown).private_network, 'dns_failed');
    assert.equal(reasons(unknown).redirect, 'not_run');
    const literal = await checkBaseUrl('https://10.0.0.5/jira', { lookup: lookup(), transport: stubTransport() });
    assert.equal(reasons(literal).private_network, 'private_address');
    const webhook = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport: stubTransport(), provider: 'webhook', deploymentMode: 'webhook' });
    assert.equal(reasons(webhook).ownership, 'no_identity');
    assert.equal(reasons(webhook).scheme, undefined, 'a passed check has no reason');
    const away = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport: stubTransport({ 'https://many.example.com/': redirect('https://other.example.com/') }) });
    assert.equal(reasons(away).redirect, 'cross_host');
  });

  test('a host that answers as another product fails ownership', async () => {
    const transport = stubTransport({
      'https://many.example.com/rest/api/1.0/application-properties': { status: 200, headers: {}, body: '{"displayName":"Not Bitbucket","version":"1"}' },
    });
    const outcome = await checkBaseUrl('https://many.example.com/', { lookup: lookup(), transport, provider: 'bitbucket', deploymentMode: 'self-hosted' });
    assert.equal(outcome.status, 'blocked');
    const entry = outcome.checks.find((c) => c.name === 'ownership');
    assert.equal(entry?.status, 'failed');
    assert.match(entry?.detail ?? '', /displayName "Bitbucket"/);
  });
});

describe('identity probes', () => {
  test('come from the catalog edition', () => {
    const jira = identityProbeFor('jira', 'self-hosted');
    assert.equal(jira?.apiRoot, '/rest/api/2');
    assert.equal(jira?.identityPath, '/serverInfo');
    assert.equal(jira?.keepsContextPath, true);
    assert.equal(identityProbeFor('github', 'self-hosted')?.keepsContextPath, false);
    assert.equal(identityProbeFor('gitlab', 'cloud', 'gitlab-dedicated')?.apiRoot, '/api/v4');
    assert.equal(identityProbeFor('github', 'cloud'), undefined);
    assert.equal(identityProbeFor('webhook', 'webhook'), undefined);
    assert.equal(identityProbeFor('jira', 'self-hosted', 'no-such-edition'), undefined);
  });

  test('judge status and markers', () => {
    const ado = identityProbeFor('azure-devops', 'self-hosted')!;
    assert.equal(judgeIdentity(ado, { status: 401, headers: { 'X-VSS-E2EID': '1' } }).ok, true);
    assert.equal(judgeIdentity(ado, { status: 401, headers: { 'x-other': '1' } }).ok, false);
    assert.equal(judgeIdentity(ado, { status: 500, headers: { 'x-tfs-processid': '1' } }).ok, false);
    const ghes = identityProbeFor('github', 'self-hosted')!;
    assert.equal(judgeIdentity(ghes, { status: 200, headers: {}, body: '{"installed_version":"3.15.1"}' }).ok, true);
    assert.equal(judgeIdentity(ghes, { status: 200, headers: {}, body: 'not json' }).ok, false);
    const jira = identityProbeFor('jira', 'self-hosted')!;
    assert.equal(judgeIdentity(jira, { status: 200, headers: {}, body: '{"version":"9","deploymentType":"Server"}' }).ok, false);
  });
});
