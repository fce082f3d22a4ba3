// Trello against a loopback Trello REST 1. Expected requests follow Atlassian's Trello
// reference: GET /1/members/{id}/boards, GET /1/boards/{id}/lists, POST /1/cards with
// idList, name, desc and pos; the API key and token as `key` and `token` query parameters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterFor, runTestExport } from '../../../src/backend/providers/index.js';
import { ExportSettingsSchema } from '../../../src/core/contract/index.js';
import { SIMULATED_TOKEN } from '../../../src/testing/provider-apis/shared.js';
import { createTrelloApi, TRELLO_API_KEY, trelloBoards } from '../../../src/testing/provider-apis/trello.js';
import { context, serve, type Served } from './serve.js';

const trello = adapterFor('trello');
const boards = trelloBoards({ size: 'large' });
const board = boards[0]!;
const list = board.lists[0]!;
const settingsFor = (listId: string) =>
  ExportSettingsSchema.parse({ destination: [{ level: 'board', id: board.id, name: board.name }, { level: 'list', id: listId, name: 'To do' }] });

describe('Trello', () => {
  let server: Served;
  let ctx: ReturnType<typeof context>;
  before(async () => {
    server = await serve(createTrelloApi({ size: 'large', readOnly: [board.lists[1]!.id] }));
    ctx = context({
      provider: 'trello',
      edition: 'trello-cloud',
      method: 'api_key_token',
      apiRoot: `${server.origin}/1`,
      secret: SIMULATED_TOKEN,
      fields: { api_key: TRELLO_API_KEY },
      tenant: 'https://trello.com/w/acme',
    });
  });
  after(() => server.close());

  test('lists the member’s open boards with GET /1/members/me/boards, key and token in the query', async () => {
    const page = await trello.listDestinations(ctx, {});
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'GET');
    assert.equal(req?.path, '/1/members/me/boards');
    assert.deepEqual(req?.query, { filter: 'open', fields: 'name', key: TRELLO_API_KEY, token: SIMULATED_TOKEN });
    assert.equal(req?.headers.authorization, undefined);
    assert.deepEqual(page.items[0], { id: board.id, name: 'Board 0001', level: 'board', has_children: true });
    assert.equal(page.items.length, 50);
    assert.equal(page.next_cursor, '50');
  });

  test('Trello sends all boards at once; the adapter pages and searches them itself', async () => {
    const last = await trello.listDestinations(ctx, { cursor: '4950' });
    assert.equal(last.items.at(-1)?.name, 'Board 5000');
    assert.equal(last.next_cursor, null);
    assert.equal(last.items.some((b) => b.name === 'Closed board'), false);
    const found = await trello.listDestinations(ctx, { query: 'board 1234' });
    assert.deepEqual(found.items.map((b) => b.name), ['Board 1234']);
    assert.equal(server.requests.splice(0).every((r) => r.path === '/1/members/me/boards'), true);
  });

  test('lists a board’s open lists with GET /1/boards/{id}/lists', async () => {
    const page = await trello.listDestinations(ctx, { parent: { level: 'board', id: board.id } });
    const [req] = server.requests.splice(0);
    assert.equal(req?.path, `/1/boards/${board.id}/lists`);
    assert.deepEqual(req?.query, { filter: 'open', fields: 'name', key: TRELLO_API_KEY, token: SIMULATED_TOKEN });
    assert.deepEqual(page.items.map((l) => [l.name, l.level, l.has_children]), [
      ['To do', 'list', false],
      ['Doing', 'list', false],
      ['Done', 'list', false],
    ]);
  });

  test('creates the test card with POST /1/cards and idList, name, desc and pos as query parameters', async () => {
    const result = await runTestExport(ctx, settingsFor(list.id));
    const [req] = server.requests.splice(0);
    assert.equal(req?.method, 'POST');
    assert.equal(req?.path, '/1/cards');
    assert.equal(req?.query['idList'], list.id);
    assert.match(req?.query['name'] ?? '', /\[Test\]/);
    assert.match(req?.query['desc'] ?? '', /not a finding/);
    assert.equal(req?.query['pos'], 'top');
    assert.equal(req?.query['key'], TRELLO_API_KEY);
    assert.equal(req?.query['token'], SIMULATED_TOKEN);
    assert.equal(req?.body, '');
    assert.equal(result.ticket?.url, `${server.origin}/c/card1/1-test`);
    assert.equal(result.ticket?.key, '#1');
  });

  test('Trello’s 401 "unauthorized card permission requested" is a list the token cannot write to', async () => {
    const result = await runTestExport(ctx, settingsFor(board.lists[1]!.id));
    assert.equal(result.error?.code, 'DESTINATION_NOT_WRITABLE');
    assert.match(result.error?.message ?? '', /unauthorized card permission requested/);
    server.requests.splice(0);
  });

  test('verify reads GET /1/members/me', async () => {
    assert.deepEqual(await trello.verify(ctx), { id: '000000000000000000000001', name: 'Simulated User' });
  });
});

test('a bad token is PROVIDER_AUTH_REQUIRED, and no board explains how to join one', async () => {
  const server = await serve(createTrelloApi({ size: 'empty' }));
  try {
    const base = { provider: 'trello' as const, edition: 'trello-cloud', method: 'api_key_token', apiRoot: `${server.origin}/1`, fields: { api_key: TRELLO_API_KEY } };
    const page = await trello.listDestinations(context({ ...base, secret: SIMULATED_TOKEN }), {});
    assert.equal(page.empty?.reason, 'nothing_accessible');
    assert.match(page.empty?.action?.label ?? '', /add that account to the target board/);
    await assert.rejects(trello.listDestinations(context({ ...base, secret: 'an-invalid-token' }), {}), (e: { code?: string; message: string }) => {
      assert.equal(e.code, 'PROVIDER_AUTH_REQUIRED');
      assert.match(e.message, /invalid token/);
      return true;
    });
  } finally {
    await server.close();
  }
});
