import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, type ListOptions } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// Lists with the settings of Mastodon 3.3 and 4.2: which replies they show, and whether
// their members' posts leave the home timeline.

describe('lists: replies_policy and exclusive', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('listCreate and listUpdate send them when given (exclusive as 1/0), and the server keeps them', async () => {
    const api = clientFor(fake.server, 'lists_1');
    const plain = await firstValueFrom(api.listCreate('plain'));
    assert.deepEqual(last('POST /api/v1/lists').body, { title: 'plain' });
    assert.deepEqual([plain.replies_policy, plain.exclusive], ['list', false]);
    const made = await firstValueFrom(api.listCreate('close', { replies_policy: 'none', exclusive: true }));
    assert.deepEqual(last('POST /api/v1/lists').body, { title: 'close', replies_policy: 'none', exclusive: '1' });
    assert.deepEqual([made.replies_policy, made.exclusive], ['none', true]);
    const renamed = await firstValueFrom(api.listUpdate(made, 'closer'));
    assert.deepEqual(last('PUT /api/v1/lists/{id}').body, { title: 'closer' });
    assert.deepEqual([renamed.replies_policy, renamed.exclusive], ['none', true], 'what is not given stays');
    const changed = await firstValueFrom(api.listUpdate(made, 'closer', { replies_policy: 'followed', exclusive: false }));
    assert.deepEqual(last('PUT /api/v1/lists/{id}').body, { title: 'closer', replies_policy: 'followed', exclusive: '0' });
    assert.deepEqual([changed.replies_policy, changed.exclusive], ['followed', false]);
    assert.deepEqual(await firstValueFrom(api.list(made)), changed);
  });

  it('an exclusive list takes its members\' posts off the home timeline, and puts them back when it stops being one', async () => {
    const api = clientFor(fake.server, 'lists_2');
    const member = clientFor(fake.server, 'lists_2m');
    const memberId = (await firstValueFrom(member.me())).id;
    await firstValueFrom(api.accountFollow(memberId));
    const list = await firstValueFrom(api.listCreate('exclusive', { exclusive: true }));
    await lastValueFrom(api.listAccountsAdd(list, memberId), { defaultValue: undefined });
    const posted = await firstValueFrom(member.statusPost('only on the list'));
    await firstValueFrom(api.statusPost('my own stays home'));
    assert.deepEqual((await firstValueFrom(api.timelineHome())).map((s) => s.account.id).includes(memberId), false);
    assert.deepEqual((await firstValueFrom(api.timelineList(list))).map((s) => s.id), [posted.id]);
    await firstValueFrom(api.listUpdate(list, 'exclusive', { exclusive: false }));
    assert.ok((await firstValueFrom(api.timelineHome())).some((s) => s.id === posted.id));
  });

  it('a list shows replies as its replies_policy says', async () => {
    const api = clientFor(fake.server, 'lists_3');
    const member = clientFor(fake.server, 'lists_3m');
    const followed = clientFor(fake.server, 'lists_3f');
    const stranger = clientFor(fake.server, 'lists_3s');
    const [memberId, followedId] = [(await firstValueFrom(member.me())).id, (await firstValueFrom(followed.me())).id];
    for (const id of [memberId, followedId]) await firstValueFrom(api.accountFollow(id));
    const list = await firstValueFrom(api.listCreate('replies'));
    await lastValueFrom(api.listAccountsAdd(list, memberId), { defaultValue: undefined });
    const toFollowed = await firstValueFrom(member.statusReply(await firstValueFrom(followed.statusPost('hi')), 'to followed'));
    const toStranger = await firstValueFrom(member.statusReply(await firstValueFrom(stranger.statusPost('hi')), 'to stranger'));
    const toSelf = await firstValueFrom(member.statusReply(await firstValueFrom(member.statusPost('thread')), 'to self'));
    const shown = async (policy: 'followed' | 'list' | 'none') => {
      await firstValueFrom(api.listUpdate(list, 'replies', { replies_policy: policy }));
      const ids = (await firstValueFrom(api.timelineList(list))).map((s) => s.id);
      return [toFollowed.id, toStranger.id, toSelf.id].map((id) => ids.includes(id));
    };
    assert.deepEqual(await shown('followed'), [true, false, true]);
    assert.deepEqual(await shown('list'), [false, false, true]);
    assert.deepEqual(await shown('none'), [false, false, true]);
  });

  it('checks them before sending', async () => {
    const api = clientFor(fake.server, 'lists_4');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.listCreate('x', { replies_policy: 'all' as 'list' })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.listUpdate('1', 'x', { exclusive: 'yes' } as unknown as ListOptions)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
