// The contract avoids a few heavy zod constructs to keep the browser bundle small. These
// tests hold the replacements to zod's own z.iso.datetime({ offset: true }),
// z.url({ protocol: /^https?$/ }), z.record and z.extend, input by input, so a client or
// backend sees the same accept/refuse decisions and values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod/mini';
import {
  ActionSchema,
  AuthStartResponseSchema,
  CONTRACT_SCHEMAS,
  HistoryEntrySchema,
  SaveTargetRequestSchema,
  UrlCheckOutcomeSchema,
  UrlCheckResponseSchema,
} from '../../src/core/contract/index.js';

const zodTimestamp = z.iso.datetime({ offset: true });
const zodUrl = z.url({ protocol: /^https?$/ });

function timestampAccepted(value: unknown): boolean {
  return HistoryEntrySchema.safeParse({ at: value, event: 'created' }).success;
}

function timestampCases(): string[] {
  const cases: string[] = [];
  const years = ['0000', '0004', '0100', '0400', '1900', '1996', '2000', '2023', '2024', '2100', '2400', '9999'];
  for (const year of years) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const mm = String(month).padStart(2, '0');
        const dd = String(day).padStart(2, '0');
        cases.push(`${year}-${mm}-${dd}T12:34:56Z`);
      }
    }
  }
  const hours = ['00', '09', '23', '24', '7'];
  const minutes = ['00', '59', '60'];
  const seconds = ['00', '59', '60', ''];
  const fractions = ['', '.1', '.123456789', '.'];
  const zones = ['Z', 'z', '', '+00:00', '-00:00', '+05:30', '-23:59', '+24:00', '+05:60', '+0530', '+05', '+5:30'];
  for (const h of hours) {
    for (const m of minutes) {
      for (const s of seconds) {
        for (const f of fractions) {
          for (const zone of zones) cases.push(`2024-02-29T${h}:${m}${s === '' ? '' : `:${s}`}${f}${zone}`);
        }
      }
    }
  }
  cases.push(
    '2024-02-29t12:00:00Z',
    '2024-02-29 12:00:00Z',
    ' 2024-02-29T12:00:00Z',
    '2024-02-29T12:00:00Z ',
    '2024-02-29T12:00:00Z\n',
    '2024-2-29T12:00:00Z',
    '24-02-29T12:00:00Z',
    '12024-02-29T12:00:00Z',
    '+002024-02-29T12:00:00Z',
    '２０２４-02-29T12:00:00Z',
    '2024-02-29',
    '2024-02-29T12:00Z',
    'T12:00:00Z',
    '',
    'yesterday',
  );
  return cases;
}

test('timestamps are accepted exactly when zod’s ISO date-time (with offset) accepts them', () => {
  let accepted = 0;
  let refused = 0;
  for (const value of timestampCases()) {
    const expected = zodTimestamp.safeParse(value).success;
    assert.equal(timestampAccepted(value), expected, value);
    if (expected) accepted++;
    else refused++;
  }
  // Both sides of the comparison must have been exercised in numbers.
  assert.ok(accepted > 1000 && refused > 1000, `${accepted} accepted, ${refused} refused`);
});

test('timestamps keep their text and refuse what is not text', () => {
  const parsed = AuthStartResponseSchema.parse({
    authorization_url: 'https://auth.example.com/authorize?x=1',
    state: 's',
    result_origin: 'https://app.example.com',
    expires_at: '2026-11-29T12:00:00.250+01:00',
  });
  assert.equal(parsed.expires_at, '2026-11-29T12:00:00.250+01:00');
  for (const value of [undefined, null, 0, Date.now(), new Date()]) assert.equal(timestampAccepted(value), false, String(value));
});

const URL_CASES = [
  'https://example.com',
  'http://example.com/path?q=1#frag',
  'HTTPS://EXAMPLE.COM/A',
  'HtTp://example.com',
  '  https://example.com/  ',
  '\thttps://example.com',
  'https://exa\nmple.com/',
  'https://example.com/a\tb\r\n',
  'https://example.com/a b',
  'https://a b.example.com/',
  'https://',
  'https:///path',
  'https:/example.com',
  'https:example.com',
  'http:example.com',
  'http:/example.com',
  'ftp://example.com',
  'javascript://example.com/%0aalert(1)',
  'javascript:alert(1)',
  'data:text/html,hi',
  'file:///etc/passwd',
  'ws://example.com',
  'httpx://example.com',
  '//example.com',
  'example.com',
  'https://user:pass@example.com',
  'https://[::1]:8443/',
  'https://[::1',
  'https://127.0.0.1',
  'https://0x7f.1/',
  'https://example.com:99999/',
  'https://example.com:443/',
  'https://bücher.example/',
  'https://xn--bcher-kva.example/',
  'https://%zz.example.com/',
  'https://exa%41mple.com/',
  'https://example.com/%zz',
  '\u00a0https://example.com',
  'https://example.com\u00a0',
  ' ',
  '',
];

test('URLs are accepted, and come out, exactly as with zod’s http(s) URL format', () => {
  let accepted = 0;
  for (const value of URL_CASES) {
    const expected = zodUrl.safeParse(value);
    const actual = ActionSchema.safeParse({ label: 'Open', url: value });
    assert.equal(actual.success, expected.success, JSON.stringify(value));
    if (expected.success && actual.success) {
      accepted++;
      assert.equal(actual.data.url, expected.data, JSON.stringify(value));
    }
  }
  assert.ok(accepted >= 10 && accepted < URL_CASES.length, `${accepted} accepted`);
  for (const value of [5, null, {}, ['https://example.com'], new URL('https://example.com')]) {
    assert.equal(ActionSchema.safeParse({ label: 'Open', url: value }).success, false, String(value));
  }
});

test('the published JSON Schema still names the date-time and uri formats', () => {
  const json = z.toJSONSchema(CONTRACT_SCHEMAS.AuthStartResponse, { unrepresentable: 'any' }) as {
    properties: Record<string, { type?: string; format?: string; pattern?: string }>;
  };
  const { type, format, pattern } = json.properties.expires_at ?? {};
  assert.deepEqual({ type, format }, { type: 'string', format: 'date-time' });
  // Draft 2020-12 treats `format` as a note only; the pattern is what plain validators enforce.
  assert.ok(pattern, 'date-time carries a pattern');
  const shape = new RegExp(pattern);
  assert.ok(shape.test('2026-11-29T12:00:00.5-03:30'));
  for (const bad of ['2026-11-29T12:00Z', '2026-11-29T12:00:00', '2026-13-01T12:00:00Z', '2026-11-29 12:00:00Z']) {
    assert.equal(shape.test(bad), false, bad);
  }
  assert.deepEqual(json.properties.authorization_url, { type: 'string', format: 'uri' });
  assert.deepEqual(json.properties.result_origin, { type: 'string', format: 'uri' });
});

const SAVE_BASE = {
  provider: 'jira',
  edition: 'jira-cloud',
  deployment_mode: 'cloud',
  ownership_confirmed: true,
  export_authorized: true,
  auth_method: 'scoped_api_token',
  token_type: 'atlassian_scoped_api_token',
};

test('credential fields take and return the same JSON objects of strings as a string record', () => {
  const record = z.record(z.string(), z.string().check(z.maxLength(500)));
  const bodies = [
    '{}',
    '{"email":"ops@acme.example"}',
    '{"email":"ops@acme.example","region":"eu","":"","ключ":"значение"}',
    '{"__proto__":"x","b":"c"}',
    '{"constructor":"x","toString":"y"}',
    `{"long":"${'x'.repeat(500)}"}`,
    `{"long":"${'x'.repeat(501)}"}`,
    '{"a":1}',
    '{"a":null}',
    '{"a":{"b":"c"}}',
    '{"a":["b"]}',
    '[]',
    '["a"]',
    'null',
    '"email"',
    '5',
  ];
  for (const text of bodies) {
    const expected = record.safeParse(JSON.parse(text));
    const actual = SaveTargetRequestSchema.safeParse({ ...SAVE_BASE, credential_fields: JSON.parse(text) });
    assert.equal(actual.success, expected.success, text);
    if (expected.success && actual.success) {
      assert.deepEqual(actual.data.credential_fields, expected.data, text);
      assert.equal(Object.getPrototypeOf(actual.data.credential_fields), Object.prototype, text);
    } else if (!expected.success && !actual.success) {
      // Same codes at the same places (inside the request, one level deeper).
      const where = (issues: ReadonlyArray<{ code: string; path: ReadonlyArray<PropertyKey> }>, skip: number) =>
        issues.map((i) => `${i.code} at ${i.path.slice(skip).map(String).join('.')}`);
      assert.deepEqual(where(actual.error.issues, 1), where(expected.error.issues, 0), text);
      assert.ok(actual.error.issues.every((i) => i.path[0] === 'credential_fields'), text);
    }
  }
});

test('a URL check response has every field of the outcome plus its id and expiry', () => {
  const outcome = z.toJSONSchema(UrlCheckOutcomeSchema) as { properties: object; required: string[] };
  const response = z.toJSONSchema(UrlCheckResponseSchema, { unrepresentable: 'any' }) as {
    properties: Record<string, unknown>;
    required: string[];
    additionalProperties: boolean;
  };
  assert.deepEqual(Object.keys(response.properties), [...Object.keys(outcome.properties), 'check_id', 'expires_at']);
  for (const [key, value] of Object.entries(outcome.properties)) assert.deepEqual(response.properties[key], value, key);
  assert.deepEqual(response.required, [...outcome.required, 'check_id', 'expires_at']);
  assert.equal(response.additionalProperties, false);
});
