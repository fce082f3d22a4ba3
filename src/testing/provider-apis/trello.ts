/**
 * A simulated Trello REST 1: key and token as query parameters, the member's boards
 * and a board's lists (both whole, `filter=open`), and card creation from query
 * parameters. Refusals come as plain text with 401, as Trello sends them.
 */
import { accepts, json, listed, numbered, simulate, sizeOf, text, type ProviderApi, type SimulationOptions } from './shared.js';

export const TRELLO_API_KEY = 'simulated0api0key0000000000000000';

const hexId = (n: number) => n.toString(16).padStart(24, '0');

export interface TrelloBoard {
  id: string;
  name: string;
  closed: boolean;
  lists: Array<{ id: string; name: string; closed: boolean }>;
}

export function trelloBoards(options: SimulationOptions = {}): TrelloBoard[] {
  const open = numbered('Board', sizeOf(options)).map((name, i) => {
    const id = hexId(0x1000 + i);
    const lists = ['To do', 'Doing', 'Done', 'Archived ideas'].map((listName, j) => ({
      id: hexId(0x100000 + i * 10 + j),
      name: listName,
      closed: j === 3,
    }));
    return { id, name, closed: false, lists };
  });
  return open.length ? [...open, { id: hexId(0xfff), name: 'Closed board', closed: true, lists: [] }] : [];
}

export function createTrelloApi(options: SimulationOptions = {}): ProviderApi {
  const boards = trelloBoards(options);
  const created: Array<Record<string, unknown>> = [];
  const openOnly = (url: URL) => url.searchParams.get('filter') === 'open';
  const api = simulate({
    options,
    created,
    unauthorized: () => text('invalid token', 401),
    rateLimited: () => json({ error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, 429),
    routes: [
      ['GET', /^\/1\/members\/me$/, () => json({ id: hexId(1), username: 'simulated', fullName: 'Simulated User' })],
      [
        'GET',
        /^\/1\/members\/me\/boards$/,
        ({ url }) => json(boards.filter((b) => !openOnly(url) || !b.closed).map(({ id, name, closed }) => ({ id, name, closed }))),
      ],
      [
        'GET',
        /^\/1\/boards\/(?<id>[^/]+)\/lists$/,
        ({ url, params }) => {
          const board = boards.find((b) => b.id === params['id']);
          if (!board) return text('invalid id', 400);
          return json(board.lists.filter((l) => !openOnly(url) || !l.closed).map((l) => ({ ...l, idBoard: board.id })));
        },
      ],
      [
        'POST',
        /^\/1\/cards$/,
        ({ url }) => {
          const idList = url.searchParams.get('idList') ?? '';
          const board = boards.find((b) => b.lists.some((l) => l.id === idList));
          if (!board) return text('invalid value for idList', 400);
          if (listed(options.readOnly, idList) || listed(options.readOnly, board.id)) return text('unauthorized card permission requested', 401);
          const idShort = created.length + 1;
          const card = { id: hexId(0x9000 + idShort), idShort, idList, name: url.searchParams.get('name'), desc: url.searchParams.get('desc') };
          created.push(card);
          return json({ ...card, url: `${url.origin}/c/card${idShort}/${idShort}-test`, shortUrl: `${url.origin}/c/card${idShort}` });
        },
      ],
    ],
  });
  // Trello wants the key that authorised the token beside it: TRELLO_API_KEY when the scenario names its token.
  const key = options.token === undefined ? undefined : TRELLO_API_KEY;
  return Object.assign(async (request: Request) => {
    if (options.failure !== 'network' && !accepts(new URL(request.url).searchParams.get('key') ?? undefined, key)) return text('invalid key', 401);
    return api(request);
  }, { created });
}
