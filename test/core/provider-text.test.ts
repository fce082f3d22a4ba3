import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDERS } from '../../src/core/providers/index.js';
import { catalogTexts, localizeProvider } from '../../src/core/providers/text.js';

/** Every string of a value a customer could read, ids and identifiers aside. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object' && !(value instanceof RegExp)) for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('provider catalog texts by key', () => {
  it('give every text its own key, made of ids', () => {
    for (const provider of PROVIDERS) {
      const keys = catalogTexts(provider).map(([key]) => key);
      assert.equal(new Set(keys).size, keys.length, `${provider.id}: keys repeat`);
      for (const key of keys) assert.match(key, /^(provider|edition)\.[a-z0-9-]+(\.[a-z0-9_-]+)+$/, key);
    }
  });

  it('keep keys of different providers apart, except for shared editions', () => {
    const seen = new Map<string, string>();
    for (const provider of PROVIDERS) {
      for (const [key, english] of catalogTexts(provider)) {
        const before = seen.get(key);
        assert.ok(before === undefined || before === english, `${key} means two texts`);
        seen.set(key, english);
      }
    }
  });

  it('leave the catalog as it is without a translation', () => {
    for (const provider of PROVIDERS) assert.deepEqual(localizeProvider(provider, (_key, english) => english), provider);
  });

  it('replace every text a customer reads, and nothing else', () => {
    for (const provider of PROVIDERS) {
      const texts = new Set(catalogTexts(provider).map(([, english]) => english));
      const replaced = localizeProvider(provider, (key) => `«${key}»`);
      const left = strings(replaced).filter((s) => texts.has(s) && !/^[A-Za-z][A-Za-z0-9 .-]*$/.test(s));
      assert.deepEqual(left, [], `${provider.id}: texts left in English`);
      assert.equal(replaced.id, provider.id);
      assert.deepEqual(
        replaced.editions.map((e) => e.authMethods.map((m) => m.scopes)),
        provider.editions.map((e) => e.authMethods.map((m) => m.scopes)),
        'scopes are identifiers, never translated',
      );
    }
  });
});
