import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createSecretBox,
  decodeSecretKey,
  generateSecretKey,
  secretKeyId,
  SecretBoxError,
} from '../../src/backend/secrets/secret-box.js';

const CANARY = 'CANARY-secret-box-7f3a-glpat-0123456789abcdef';
const OLD_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
const NEW_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));

const reason = (expected: SecretBoxError['reason']) => (error: unknown) =>
  error instanceof SecretBoxError && error.reason === expected;

const contains = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).includes(Buffer.from(needle)) || Buffer.from(haystack).toString('latin1').includes(needle);

describe('secret box', () => {
  it('opens what it sealed, for the same context', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const sealed = await box.seal(CANARY, 'target:tgt_1');
    assert.equal(sealed.keyId, box.currentKeyId);
    assert.equal(await box.open(sealed, 'target:tgt_1'), CANARY);
  });

  it('keeps non-ASCII text intact', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const text = 'pässwörd-🔑-密码';
    assert.equal(await box.open(await box.seal(text, 'target:t'), 'target:t'), text);
  });

  it('never shows the plaintext, and never seals twice alike', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const a = await box.seal(CANARY, 'target:tgt_1');
    const b = await box.seal(CANARY, 'target:tgt_1');
    assert.ok(!contains(a.ciphertext, CANARY));
    assert.ok(!contains(a.ciphertext, CANARY.slice(0, 8)));
    assert.notDeepEqual(a.ciphertext, b.ciphertext, 'a fresh IV each time');
    // version byte + 12-byte IV + ciphertext as long as the text + 16-byte tag
    assert.equal(a.ciphertext.length, 1 + 12 + new TextEncoder().encode(CANARY).length + 16);
  });

  it('refuses a ciphertext changed anywhere: version, IV, body or tag', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const sealed = await box.seal(CANARY, 'target:tgt_1');
    for (const index of [0, 1, 13, sealed.ciphertext.length - 1]) {
      const ciphertext = sealed.ciphertext.slice();
      ciphertext[index]! ^= 0x01;
      await assert.rejects(box.open({ ...sealed, ciphertext }, 'target:tgt_1'), reason('not-authentic'), `byte ${index}`);
    }
    await assert.rejects(box.open({ ...sealed, ciphertext: sealed.ciphertext.slice(0, 20) }, 'target:tgt_1'), reason('not-authentic'));
    await assert.rejects(box.open({ ...sealed, ciphertext: new Uint8Array() }, 'target:tgt_1'), reason('not-authentic'));
  });

  it('refuses a ciphertext moved to another record', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const sealed = await box.seal(CANARY, 'target:tgt_1');
    await assert.rejects(box.open(sealed, 'target:tgt_2'), reason('not-authentic'));
    await assert.rejects(box.open(sealed, 'grant:tgt_1'), reason('not-authentic'));
  });

  it('refuses a value whose key id it does not hold, and one relabelled with another key id', async () => {
    const oldBox = await createSecretBox({ current: OLD_KEY });
    const newBox = await createSecretBox({ current: NEW_KEY });
    const sealed = await oldBox.seal(CANARY, 'target:tgt_1');
    await assert.rejects(newBox.open(sealed, 'target:tgt_1'), reason('unknown-key'));
    await assert.rejects(newBox.open({ ...sealed, keyId: newBox.currentKeyId }, 'target:tgt_1'), reason('not-authentic'));
  });

  it('during a rotation, opens old values with the previous key and seals new ones with the current key', async () => {
    const oldBox = await createSecretBox({ current: OLD_KEY });
    const old = await oldBox.seal(CANARY, 'target:tgt_1');
    const box = await createSecretBox({ current: NEW_KEY, previous: [OLD_KEY] });
    assert.equal(await box.open(old, 'target:tgt_1'), CANARY);
    assert.equal(box.needsReseal(old.keyId), true);
    const resealed = await box.seal(CANARY, 'target:tgt_1');
    assert.equal(resealed.keyId, box.currentKeyId);
    assert.notEqual(resealed.keyId, old.keyId);
    assert.equal(box.needsReseal(resealed.keyId), false);
    // The old key alone cannot open what the new key sealed.
    await assert.rejects(oldBox.open(resealed, 'target:tgt_1'), reason('unknown-key'));
  });

  it('names a key by a digest of it: stable, distinct, and not the key', async () => {
    const id = await secretKeyId(decodeSecretKey(NEW_KEY));
    assert.match(id, /^[0-9a-f]{16}$/);
    assert.equal(id, await secretKeyId(decodeSecretKey(NEW_KEY)));
    assert.notEqual(id, await secretKeyId(decodeSecretKey(OLD_KEY)));
    assert.equal((await createSecretBox({ current: NEW_KEY })).currentKeyId, id);
  });

  it('accepts a 32-byte key in base64 or base64url, and refuses anything else', async () => {
    const raw = decodeSecretKey(NEW_KEY);
    assert.equal(raw.length, 32);
    const url = NEW_KEY.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    assert.deepEqual(decodeSecretKey(url), raw);
    assert.throws(() => decodeSecretKey(btoa('too short')), reason('bad-key'));
    assert.throws(() => decodeSecretKey('not base64!'), reason('bad-key'));
    assert.throws(() => decodeSecretKey(''), reason('bad-key'));
    await assert.rejects(createSecretBox({ current: new Uint8Array(16) }), reason('bad-key'));
  });

  it('generates random 32-byte keys', () => {
    const a = generateSecretKey();
    assert.equal(decodeSecretKey(a).length, 32);
    assert.notEqual(a, generateSecretKey());
  });

  it('keeps key material and plaintext out of its error messages', async () => {
    const box = await createSecretBox({ current: NEW_KEY });
    const sealed = await box.seal(CANARY, 'target:tgt_1');
    const messages: string[] = [];
    for (const attempt of [
      () => box.open(sealed, 'target:other'),
      () => box.open({ ...sealed, keyId: 'feedfacefeedface' }, 'target:tgt_1'),
      () => createSecretBox({ current: NEW_KEY.slice(0, 20) }),
    ]) {
      await attempt().then(
        () => assert.fail('expected a failure'),
        (e: Error) => messages.push(e.message),
      );
    }
    for (const message of messages) {
      assert.ok(!message.includes(CANARY) && !message.includes(NEW_KEY.slice(0, 12)), message);
    }
  });
});
