import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import webpush from 'web-push';
import {
  decryptPush, generatePushKeys, Mastodon, MastodonIllegalArgumentError, MastodonMalformedEventError,
} from '../../src/index.js';

const payload = {
  access_token: 'pushtoken', preferred_locale: 'en', notification_id: 109440143445601483n,
  notification_type: 'mention', icon: 'https://files.example/avatar.png', title: 'You were mentioned by Alice',
  body: '@bob hello "id": 5 there',
};
/** Mastodon's push payload, its id a bare JSON number beyond 2^53 as Ruby writes it. */
const payloadJson = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `@@${v}@@` : v)).replace(/"@@(\d+)@@"/, '$1');

const vapid = webpush.generateVAPIDKeys();

/** A push encrypted by the web-push package for the subscription `pub`, as a push service delivers it. */
function pushFor(pub: { pubkey: string; auth: string }, contentEncoding: 'aesgcm' | 'aes128gcm', body = payloadJson) {
  const details = webpush.generateRequestDetails({ endpoint: 'https://push.example/x', keys: { p256dh: pub.pubkey, auth: pub.auth } }, body, {
    contentEncoding, vapidDetails: { subject: 'mailto:admin@mastodon.example', publicKey: vapid.publicKey, privateKey: vapid.privateKey },
  });
  const headers = details.headers as Record<string, string>;
  return { body: new Uint8Array(details.body as Buffer), encryption: headers['Encryption'], cryptoKey: headers['Crypto-Key'] };
}

describe('push cryptography', () => {
  it('generates a P-256 key pair and a 16-byte auth secret, base64url', () => {
    const [priv, pub] = generatePushKeys();
    assert.match(priv.privkey, /^[A-Za-z0-9_-]{43}$/);
    assert.match(pub.pubkey, /^[A-Za-z0-9_-]{87}$/);
    assert.match(priv.auth, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(pub.auth, priv.auth);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(priv.privkey, 'base64url'));
    assert.equal(ecdh.getPublicKey('base64url', 'uncompressed'), pub.pubkey, 'the public key belongs to the private one');
    assert.notEqual(generatePushKeys()[0].privkey, priv.privkey);
  });

  for (const encoding of ['aesgcm', 'aes128gcm'] as const) {
    it(`decrypts a push the web-push package encrypted with ${encoding}, ids kept whole as strings`, () => {
      const api = new Mastodon({ api_base_url: 'https://mastodon.example' });
      const [priv, pub] = api.pushSubscriptionGenerateKeys();
      const push = pushFor(pub, encoding);
      const notification = encoding === 'aesgcm'
        ? api.pushSubscriptionDecryptPush(push.body, priv, push.encryption, push.cryptoKey)
        : api.pushSubscriptionDecryptPush(push.body, priv);
      assert.equal(notification.notification_id, '109440143445601483');
      assert.equal(notification.title, payload.title);
      assert.equal(notification.body, payload.body, 'text that looks like an id is left alone');
      assert.equal(notification.access_token, 'pushtoken');
    });

    it(`refuses a tampered ${encoding} push and a push for other keys with MastodonMalformedEventError`, () => {
      const [priv, pub] = generatePushKeys();
      const [otherPriv] = generatePushKeys();
      const push = pushFor(pub, encoding);
      const tampered = push.body.slice();
      tampered[tampered.length - 20]! ^= 0x01;
      const headers = encoding === 'aesgcm' ? [push.encryption, push.cryptoKey] as const : [null, null] as const;
      assert.throws(() => decryptPush(tampered, priv, ...headers), MastodonMalformedEventError);
      assert.throws(() => decryptPush(push.body, otherPriv, ...headers), MastodonMalformedEventError);
      assert.throws(() => decryptPush(push.body, { ...priv, auth: generatePushKeys()[0].auth }, ...headers), MastodonMalformedEventError);
      assert.throws(() => decryptPush(push.body.subarray(0, 40), priv, ...headers), MastodonMalformedEventError);
    });
  }

  it('reads Mastodon\'s header forms: several Crypto-Key entries, quoted values, rs', () => {
    const [priv, pub] = generatePushKeys();
    const push = pushFor(pub, 'aesgcm');
    const dh = /dh=([^;,]+)/.exec(push.cryptoKey!)![1]!;
    const salt = /salt=([^;,]+)/.exec(push.encryption!)![1]!;
    const notification = decryptPush(push.body, priv, `keyid=p256dh;salt="${salt}";rs=4096`, `p256ecdsa=${vapid.publicKey}, dh="${dh}"`);
    assert.equal(notification.notification_type, 'mention');
  });

  it('rejects malformed headers and keys with MastodonIllegalArgumentError', () => {
    const [priv, pub] = generatePushKeys();
    const push = pushFor(pub, 'aesgcm');
    const bad: [string, () => unknown][] = [
      ['no headers for aesgcm', () => decryptPush(push.body, priv, push.encryption, undefined)],
      ['no salt', () => decryptPush(push.body, priv, 'rs=4096', push.cryptoKey)],
      ['no dh', () => decryptPush(push.body, priv, push.encryption, `p256ecdsa=${vapid.publicKey}`)],
      ['salt not base64', () => decryptPush(push.body, priv, 'salt=***', push.cryptoKey)],
      ['dh too short', () => decryptPush(push.body, priv, push.encryption, 'dh=AAAA')],
      ['private key too short', () => decryptPush(push.body, { ...priv, privkey: 'AAAA' }, push.encryption, push.cryptoKey)],
      ['private key zero', () => decryptPush(push.body, { ...priv, privkey: 'A'.repeat(43) }, push.encryption, push.cryptoKey)],
      ['data not bytes', () => decryptPush('text' as unknown as Uint8Array, priv, push.encryption, push.cryptoKey)],
    ];
    for (const [what, call] of bad) assert.throws(call, MastodonIllegalArgumentError, what);
  });

  it('refuses a payload that decrypts but is not a JSON object', () => {
    const [priv, pub] = generatePushKeys();
    const push = pushFor(pub, 'aes128gcm', 'not json');
    assert.throws(() => decryptPush(push.body, priv), MastodonMalformedEventError);
  });
});
