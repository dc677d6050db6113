import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretKey, redact } from '../../src/http/redact.js';

describe('redact', () => {
  it('knows secret keys by their last segment', () => {
    for (const key of ['access_token', 'token', 'client_secret', 'password', 'refresh_token', 'code', 'Authorization',
      'x[password]', 'user[password]', 'subscription[keys][auth]', 'a[b][client_secret]', 'current_password', 'tokens[][access_token]']) {
      assert.equal(isSecretKey(key), true, key);
    }
    for (const key of ['limit', 'client_id', 'source[privacy]', 'password_hint[x]', 'codes', 'tokenizer', 'author', 'subscription[keys][p256dh]']) {
      assert.equal(isSecretKey(key), false, key);
    }
  });

  it('redacts nested form keys and nested JSON keys', () => {
    assert.deepEqual(
      redact({ 'x[password]': 'p1', 'source[privacy]': 'public', user: { password: 'p2', name: 'n' }, subscription: { keys: { auth: 'a1', p256dh: 'pub' } } }),
      { 'x[password]': '[redacted]', 'source[privacy]': 'public', user: { password: '[redacted]', name: 'n' }, subscription: { keys: { auth: '[redacted]', p256dh: 'pub' } } },
    );
  });

  it('redacts query strings and fragments, plain and percent-encoded', () => {
    const cases: [string, string][] = [
      ['https://m.example/x?access_token=abc&limit=2', 'https://m.example/x?access_token=[redacted]&limit=2'],
      ['https://app.example/cb#access_token=abc&token_type=Bearer', 'https://app.example/cb#access_token=[redacted]&token_type=Bearer'],
      ['https://app.example/cb?code=xyz&state=s', 'https://app.example/cb?code=[redacted]&state=s'],
      ['https://m.example/oauth?client_id=id&client_secret=shh', 'https://m.example/oauth?client_id=id&client_secret=[redacted]'],
      ['https://m.example/x?user%5Bpassword%5D=pw&y=1', 'https://m.example/x?user%5Bpassword%5D=[redacted]&y=1'],
      ['https://m.example/x?user[password]=pw#frag', 'https://m.example/x?user[password]=[redacted]#frag'],
      ['https://m.example/x?bad=%E0%A4%A', 'https://m.example/x?bad=%E0%A4%A'],
    ];
    for (const [url, expected] of cases) assert.equal(redact(url), expected);
  });
});
