import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('first slice of endpoints against the fake server', () => {
  const fake = useFakeServer();

  it('posts, reads and deletes a status, with dates parsed and ids as strings', async () => {
    const api = clientFor(fake.server, 'slice1');
    const posted = await firstValueFrom(api.statusPost('hello', { visibility: 'unlisted', spoiler_text: 'cw' }));
    assert.equal(typeof posted.id, 'string');
    assert.ok(posted.created_at instanceof Date);
    assert.equal(posted.visibility, 'unlisted');
    const request = fake.server.requestsTo('POST /api/v1/statuses').at(-1)!;
    assert.deepEqual(request.body, { status: 'hello', visibility: 'unlisted', spoiler_text: 'cw' });
    assert.equal(request.contentType, 'application/x-www-form-urlencoded');

    const read = await firstValueFrom(api.status(posted));
    assert.equal(read.id, posted.id);
    const deleted = await firstValueFrom(api.statusDelete(posted.id));
    assert.equal(deleted.text, 'hello');
    await assert.rejects(firstValueFrom(api.status(posted.id)), MastodonNotFoundError);
  });

  it('checks visibility before sending anything', async () => {
    const api = clientFor(fake.server, 'slice2');
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.statusPost('x', { visibility: 'everyone' as 'public' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('sends a poll as JSON, with the idempotency key as a header', async () => {
    const api = clientFor(fake.server, 'slice3');
    const status = await firstValueFrom(api.statusPost('vote', {
      poll: { options: ['a', 'b'], expires_in: 600, multiple: true }, idempotency_key: 'k1',
    }));
    assert.equal(status.poll?.options.length, 2);
    const request = fake.server.requestsTo('POST /api/v1/statuses').at(-1)!;
    assert.equal(request.contentType, 'application/json');
    assert.equal(request.headers['idempotency-key'], 'k1');
    assert.deepEqual(request.body, { status: 'vote', poll: { options: ['a', 'b'], expires_in: 600, multiple: true } });
    const again = await firstValueFrom(api.statusPost('vote', { poll: { options: ['a', 'b'], expires_in: 600 }, idempotency_key: 'k1' }));
    assert.equal(again.id, status.id);
  });
});
