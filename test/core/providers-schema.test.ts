import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDERS } from '../../src/core/providers/index.js';
import type { Edition, Provider } from '../../src/core/providers/index.js';
import { CatalogSchema, assertCatalog } from '../../src/core/providers/schema.js';
import { PROVIDER_SUMMARIES } from '../../src/core/providers/summary.js';
import { assembleProvider } from '../../src/core/providers/assemble.js';
import { loadProvider, loadedProvider, preloadProviders } from '../../src/core/providers/load.js';

/** A mutable copy of the frozen catalog; RegExps and functions are shared, they are not changed. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  }
  return value;
}

function editionOf(catalog: Provider[], id: string): Edition {
  const e = catalog.flatMap((p) => p.editions).find((x) => x.id === id);
  assert.ok(e, id);
  return e;
}

/** Applies one change to a fresh copy and returns the schema's messages. */
function problems(change: (catalog: Provider[]) => void): string[] {
  const catalog = copy(PROVIDERS) as Provider[];
  change(catalog);
  const result = CatalogSchema.safeParse(catalog);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

function rejects(change: (catalog: Provider[]) => void, expected: RegExp): void {
  const messages = problems(change);
  assert.ok(messages.length > 0, 'the schema should reject this catalog');
  assert.ok(
    messages.some((m) => expected.test(m)),
    `expected a message like ${expected}, got ${JSON.stringify(messages)}`,
  );
}

describe('catalog schema', () => {
  it('accepts the shipped catalog, and a plain copy of it', () => {
    assert.doesNotThrow(() => assertCatalog(PROVIDERS));
    assert.deepEqual(problems(() => {}), []);
  });

  it('rejects a repeated edition id', () => {
    rejects((c) => {
      editionOf(c, 'ghes').id = 'github-com';
    }, /edition id github-com repeats/);
  });

  it('rejects a missing provider', () => {
    rejects((c) => {
      c.splice(
        c.findIndex((p) => p.id === 'clickup'),
        1,
      );
    }, /provider clickup is missing/);
  });

  it('rejects a cloud edition without a tenant or base URL', () => {
    rejects((c) => {
      delete editionOf(c, 'linear-cloud').tenant;
    }, /cloud edition needs a tenant/);
  });

  it('rejects a self-hosted edition without a base URL', () => {
    rejects((c) => {
      delete editionOf(c, 'jira-dc').baseUrl;
    }, /self-hosted edition needs a base URL/);
  });

  it('rejects a self-hosted edition that also asks for a tenant', () => {
    rejects((c) => {
      const tenant = editionOf(c, 'jira-cloud').tenant;
      if (tenant) editionOf(c, 'jira-dc').tenant = tenant;
    }, /tenant/);
  });

  it('rejects webhook mode outside the webhook provider', () => {
    rejects((c) => {
      editionOf(c, 'ghes').mode = 'webhook';
    }, /webhook/);
  });

  it('rejects an edition with no auth method and no blocking limitation', () => {
    rejects((c) => {
      editionOf(c, 'trello-cloud').authMethods = [];
    }, /at least one auth method/);
  });

  it('rejects credentials on a blocked edition', () => {
    rejects((c) => {
      const pat = editionOf(c, 'jira-dc').authMethods[0];
      if (pat) editionOf(c, 'bitbucket-dc').authMethods = [pat];
    }, /blocked edition offers no credentials/);
  });

  it('rejects zero or two recommended methods', () => {
    rejects((c) => {
      for (const m of editionOf(c, 'github-com').authMethods) m.recommended = true;
    }, /exactly one recommended/);
    rejects((c) => {
      for (const m of editionOf(c, 'github-com').authMethods) delete m.recommended;
    }, /exactly one recommended/);
  });

  it('rejects an unanchored or stateful validator', () => {
    rejects((c) => {
      const t = editionOf(c, 'github-com').tenant;
      if (t) t.pattern = /[a-z]+/;
    }, /anchored/);
    rejects((c) => {
      const t = editionOf(c, 'github-com').tenant;
      if (t) t.pattern = /^[a-z]+$/g;
    }, /global or sticky/);
  });

  it('rejects a tenant pattern that refuses its own placeholder', () => {
    rejects((c) => {
      const t = editionOf(c, 'asana-cloud').tenant;
      if (t) t.placeholder = 'workspace name';
    }, /rejects its own placeholder/);
  });

  it('rejects a non-function tenantUrl and one that builds no https URL', () => {
    rejects((c) => {
      const t = editionOf(c, 'clickup-cloud').tenant;
      if (t) (t as { tenantUrl: unknown }).tenantUrl = 'https://app.clickup.com/';
    }, /tenantUrl must be a function/);
    rejects((c) => {
      const t = editionOf(c, 'clickup-cloud').tenant;
      if (t) t.tenantUrl = (v) => `http://app.clickup.com/${v}`;
    }, /https URL/);
  });

  it('rejects an http revoke link and an unknown API-root placeholder', () => {
    rejects((c) => {
      const m = editionOf(c, 'trello-cloud').authMethods[0];
      if (m) m.revoke = { label: 'x', url: 'http://trello.com/my/account' };
    }, /URL|url/);
    rejects((c) => {
      editionOf(c, 'asana-cloud').cloudApiRoot = 'https://app.asana.com/{region}/api';
    }, /unknown placeholder/);
  });

  it('rejects a signing secret outside webhooks, and a webhook without Standard Webhooks as default', () => {
    rejects((c) => {
      const secret = editionOf(c, 'webhook').authMethods[0];
      if (secret) editionOf(c, 'linear-cloud').authMethods.push({ ...secret, recommended: false });
    }, /signing secrets belong to webhook/);
    rejects((c) => {
      const signing = c.find((p) => p.id === 'webhook')?.webhookSigning ?? [];
      for (const s of signing) s.isDefault = s.id === 'github-hmac-sha256';
    }, /Standard Webhooks is the one default/);
  });

  it('rejects Basic-with-email without an email field', () => {
    rejects((c) => {
      const m = editionOf(c, 'bitbucket-cloud').authMethods.find((x) => x.sentAs === 'basic-email');
      if (m) delete m.extraFields;
    }, /email field/);
  });

  it('rejects an alternative that does not exist or is blocked itself', () => {
    rejects((c) => {
      const l = editionOf(c, 'bitbucket-dc').limitations[0];
      if (l) l.alternative = { provider: 'jira', edition: 'jira-server' };
    }, /does not exist/);
    rejects((c) => {
      const l = editionOf(c, 'bitbucket-cloud').limitations[0];
      if (l) l.alternative = { provider: 'bitbucket', edition: 'bitbucket-dc' };
    }, /blocked too/);
  });

  it('rejects an edition id the contract would not carry', () => {
    rejects((c) => {
      editionOf(c, 'ghes').id = 'GHES_Server';
    }, /contract/);
  });

  it('rejects unknown keys, so a typo cannot hide a fact', () => {
    const messages = problems((c) => {
      Object.assign(editionOf(c, 'ghes'), { keepContextPath: true });
    });
    assert.ok(messages.length > 0);
  });
});

describe('provider summary and detail', () => {
  const summary = PROVIDER_SUMMARIES.find((p) => p.id === 'github');
  const detail = PROVIDERS.find((p) => p.id === 'github');

  it('lists every provider and edition of the catalog, in the same order, with the same names and modes', () => {
    assert.deepEqual(
      PROVIDER_SUMMARIES.map((p) => [p.id, p.label, p.ticketNoun, p.editions.map((e) => [e.id, e.label, e.mode])]),
      PROVIDERS.map((p) => [p.id, p.label, p.ticketNoun, p.editions.map((e) => [e.id, e.label, e.mode])]),
    );
  });

  it('refuses an edition that has a summary but no detail, or detail but no summary', () => {
    assert.ok(summary && detail);
    const editions = Object.fromEntries(detail.editions.map(({ id, label: _l, mode: _m, ...rest }) => [id, rest]));
    const { ghes: _dropped, ...withoutGhes } = editions;
    assert.throws(() => assembleProvider(summary, { docs: detail.docs, editions: withoutGhes }), /no detail for edition ghes/);
    assert.throws(
      () => assembleProvider({ ...summary, editions: summary.editions.filter((e) => e.id !== 'ghes') }, { docs: detail.docs, editions }),
      /detail for unknown edition ghes/,
    );
    assert.equal(assembleProvider(summary, { docs: detail.docs, editions }).editions.length, 3);
  });
});

describe('provider detail on demand', () => {
  it('loads a provider whole, the same as the catalog holds it, and keeps it', async () => {
    assert.equal(loadedProvider('gitlab'), undefined);
    const gitlab = await loadProvider('gitlab');
    assert.deepEqual(gitlab, PROVIDERS.find((p) => p.id === 'gitlab'));
    assert.equal(loadedProvider('gitlab'), gitlab);
    assert.equal(await loadProvider('gitlab'), gitlab, 'loaded once');
    assert.equal(await loadProvider('nope'), undefined);
  });

  it('preloads every provider', async () => {
    await preloadProviders();
    for (const p of PROVIDER_SUMMARIES) assert.ok(loadedProvider(p.id), p.id);
  });
});
