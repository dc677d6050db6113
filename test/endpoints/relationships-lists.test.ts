import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('relationships, lists and timelines against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;
  const idOfUser = (api: ReturnType<typeof clientFor>) => firstValueFrom(api.accountVerifyCredentials()).then((a) => a.id);

  it('mutes and blocks list the accounts, newest first, as pages', async () => {
    const me = clientFor(fake.server, 'mb_me');
    const ids = await Promise.all(['mb_1', 'mb_2'].map((name) => idOfUser(clientFor(fake.server, name))));
    for (const id of ids) {
      await firstValueFrom(me.accountMute(id));
      await firstValueFrom(me.accountBlock(id));
    }
    const mutes = await firstValueFrom(me.mutes({ limit: 1 }));
    assert.deepEqual(last('GET /api/v1/mutes').query, { limit: '1' });
    assert.deepEqual(mutes.map((a) => a.id), [ids[1]]);
    assert.ok(mutes._pagination_next);
    const blocks = await firstValueFrom(me.blocks());
    assert.deepEqual(blocks.map((a) => a.id), [ids[1], ids[0]]);
    assert.equal(last('GET /api/v1/blocks').method, 'GET');
  });

  it('follow requests can be listed, authorized and rejected', async () => {
    const star = clientFor(fake.server, 'fr_star');
    const starId = await idOfUser(star);
    fake.server.store.accountById(starId)!.locked = true;
    const yes = clientFor(fake.server, 'fr_yes');
    const no = clientFor(fake.server, 'fr_no');
    const [yesId, noId] = await Promise.all([idOfUser(yes), idOfUser(no)]);
    await firstValueFrom(yes.accountFollow(starId));
    await firstValueFrom(no.accountFollow(starId));

    const requests = await firstValueFrom(star.followRequests({ limit: 10 }));
    assert.deepEqual(last('GET /api/v1/follow_requests').query, { limit: '10' });
    assert.deepEqual(new Set(requests.map((a) => a.id)), new Set([yesId, noId]));

    const accepted = await firstValueFrom(star.followRequestAuthorize(yesId));
    assert.equal(last('POST /api/v1/follow_requests/{id}/authorize').path, `/api/v1/follow_requests/${yesId}/authorize`);
    assert.equal(accepted.followed_by, true);
    const rejected = await firstValueFrom(star.followRequestReject({ id: noId }));
    assert.equal(last('POST /api/v1/follow_requests/{id}/reject').path, `/api/v1/follow_requests/${noId}/reject`);
    assert.equal(rejected.followed_by, false);
    assert.deepEqual(await firstValueFrom(star.followRequests()), []);
    await assert.rejects(firstValueFrom(star.followRequestReject(noId)), MastodonNotFoundError);
  });

  it('domain blocks: block, list as strings, unblock with a form body on DELETE', async () => {
    const api = clientFor(fake.server, 'db_me');
    await lastValueFrom(api.domainBlock({ domain: 'spam.example' }));
    assert.deepEqual(last('POST /api/v1/domain_blocks').body, { domain: 'spam.example' });
    await lastValueFrom(api.domainBlock('junk.example'));
    assert.deepEqual([...await firstValueFrom(api.domainBlocks())], ['junk.example', 'spam.example']);
    await lastValueFrom(api.domainUnblock({ domain: 'spam.example' }));
    const request = last('DELETE /api/v1/domain_blocks');
    assert.equal(request.method, 'DELETE');
    assert.deepEqual(request.body, { domain: 'spam.example' });
    assert.deepEqual([...await firstValueFrom(api.domainBlocks({ limit: 5 }))], ['junk.example']);
    assert.deepEqual(last('GET /api/v1/domain_blocks').query, { limit: '5' });
    await assert.rejects(lastValueFrom(api.domainBlock()), MastodonIllegalArgumentError);
  });

  it('lists: create, read, rename, members with pagination sent, timeline, delete', async () => {
    const api = clientFor(fake.server, 'ls_me');
    const members = await Promise.all(['ls_1', 'ls_2', 'ls_3'].map((name) => clientFor(fake.server, name)));
    const memberIds = await Promise.all(members.map(idOfUser));

    const created = await firstValueFrom(api.listCreate('ham burglars'));
    assert.deepEqual(last('POST /api/v1/lists').body, { title: 'ham burglars' });
    assert.equal(typeof created.id, 'string');
    const renamed = await firstValueFrom(api.listUpdate(created, 'fry kids'));
    assert.deepEqual(last('PUT /api/v1/lists/{id}').body, { title: 'fry kids' });
    assert.equal(renamed.title, 'fry kids');
    assert.deepEqual((await firstValueFrom(api.lists())).map((l) => l.title), ['fry kids']);
    assert.equal((await firstValueFrom(api.list(created.id))).title, 'fry kids');

    await assert.rejects(lastValueFrom(api.listAccountsAdd(created, memberIds[0]!)), MastodonAPIError, 'must follow first');
    for (const id of memberIds) await firstValueFrom(api.accountFollow(id));
    await lastValueFrom(api.listAccountsAdd(created, memberIds.map((id) => ({ id }))));
    assert.deepEqual(last('POST /api/v1/lists/{id}/accounts').body, { account_ids: memberIds });

    const firstPage = await firstValueFrom(api.listAccounts(created, { limit: 2 }));
    assert.deepEqual(last('GET /api/v1/lists/{id}/accounts').query, { limit: '2' }, 'pagination parameters are sent');
    assert.equal(firstPage.length, 2);
    const secondPage = await firstValueFrom(api.listAccounts(created, { max_id: firstPage._pagination_next!.url.match(/max_id=(\d+)/)![1]! }));
    assert.equal(secondPage.length, 1);
    assert.deepEqual(new Set([...firstPage, ...secondPage].map((a) => a.id)), new Set(memberIds));

    await lastValueFrom(api.listAccountsDelete(created, memberIds[2]!));
    const removal = last('DELETE /api/v1/lists/{id}/accounts');
    assert.deepEqual(removal.body, { account_ids: [memberIds[2]] });
    assert.equal((await firstValueFrom(api.listAccounts(created))).length, 2);

    const post = await firstValueFrom(members[0]!.toot('I have never stolen a ham in my life.'));
    await firstValueFrom(members[2]!.toot('not on the list any more'));
    const timeline = await firstValueFrom(api.timelineList(created, { limit: 5 }));
    assert.deepEqual(last('GET /api/v1/timelines/list/{id}').query, { limit: '5' });
    assert.deepEqual(timeline.map((s) => s.id), [post.id]);

    await lastValueFrom(api.listDelete(created));
    assert.equal(last('DELETE /api/v1/lists/{id}').path, `/api/v1/lists/${created.id}`);
    await assert.rejects(firstValueFrom(api.list(created.id)), MastodonNotFoundError);
  });

  it('timelineLocal, timelinePublic and timelineHashtag send the right parameters', async () => {
    const api = clientFor(fake.server, 'tl_me');
    const tagged = await firstValueFrom(api.toot('#hoot (hashtag toot)'));
    await firstValueFrom(api.toot('plain'));

    const local = await firstValueFrom(api.timelineLocal({ limit: 3 }));
    assert.deepEqual(last('GET /api/v1/timelines/public').query, { limit: '3', local: '1' });
    assert.ok(local.some((s) => s.id === tagged.id));
    await firstValueFrom(api.timelinePublic({ remote: true, only_media: true }));
    assert.deepEqual(last('GET /api/v1/timelines/public').query, { only_media: '1', remote: '1' });
    const federated = await firstValueFrom(api.timelinePublic());
    assert.ok(federated.length >= 2);

    const hashtag = await firstValueFrom(api.timelineHashtag('hoot', { local: true }));
    const request = last('GET /api/v1/timelines/tag/{hashtag}');
    assert.equal(request.path, '/api/v1/timelines/tag/hoot');
    assert.deepEqual(request.query, { local: '1' });
    assert.deepEqual(hashtag.map((s) => s.id), [tagged.id]);
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.timelineHashtag('#hoot')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before, 'nothing sent for a leading #');
  });

  it('home hides boosts of a follow made with reblogs: false', async () => {
    const me = clientFor(fake.server, 'hb_me');
    const booster = clientFor(fake.server, 'hb_booster');
    const author = clientFor(fake.server, 'hb_author');
    const boosterId = await idOfUser(booster);
    await firstValueFrom(me.accountFollow(boosterId, { reblogs: false }));
    const original = await firstValueFrom(author.toot('boost me'));
    await firstValueFrom(booster.statusReblog(original));
    const own = await firstValueFrom(booster.toot('own words'));
    const home = await firstValueFrom(me.timelineHome());
    assert.deepEqual(home.map((s) => s.id), [own.id]);
  });
});
