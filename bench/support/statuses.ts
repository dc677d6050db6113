// Bench data, built at run time in the shape of the statuses a Mastodon 4 server serves
// (the fields, nesting and sizes of a real home-timeline status with a card, a
// mention, a tag and one media attachment): about 3 KB of JSON each.

const BASE_ID = 109_000_000_000_000_000n;

/** The snowflake-like id of the `n`-th status, newest being the largest. */
export function statusId(n: number): string {
  return (BASE_ID + BigInt(n)).toString();
}

function account(n: number): Record<string, unknown> {
  const username = `user${n % 97}`;
  return {
    id: String(10_000 + (n % 97)),
    username,
    acct: `${username}@mastodon.example`,
    display_name: `Bench User ${n % 97}`,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: '2016-03-16T14:34:26.392Z',
    note: '<p>Writes about federated software, reactive streams and the occasional cat.</p>',
    url: `https://mastodon.example/@${username}`,
    avatar: `https://files.mastodon.example/accounts/avatars/000/010/${n % 97}/original/avatar.png`,
    avatar_static: `https://files.mastodon.example/accounts/avatars/000/010/${n % 97}/original/avatar.png`,
    header: `https://files.mastodon.example/accounts/headers/000/010/${n % 97}/original/header.png`,
    header_static: `https://files.mastodon.example/accounts/headers/000/010/${n % 97}/original/header.png`,
    followers_count: 1_234 + n,
    following_count: 321,
    statuses_count: 45_678 + n,
    last_status_at: '2022-12-01',
    noindex: false,
    emojis: [],
    fields: [
      { name: 'Website', value: '<a href="https://example.org">example.org</a>', verified_at: '2022-11-30T10:00:00.000+00:00' },
      { name: 'Pronouns', value: 'they/them', verified_at: null },
    ],
  };
}

/** One status, as the server would serialise it. */
export function benchStatus(n: number): Record<string, unknown> {
  const id = statusId(n);
  const who = account(n);
  return {
    id,
    created_at: new Date(Date.UTC(2022, 11, 1, 19, 48, 34) - n * 60_000).toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `https://mastodon.example/users/${String(who['username'])}/statuses/${id}`,
    url: `https://mastodon.example/@${String(who['username'])}/${id}`,
    replies_count: n % 7,
    reblogs_count: n % 11,
    favourites_count: n % 13,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: `<p>Status number ${n}: a note of ordinary length about <a href="https://mastodon.example/tags/fediverse" class="mention hashtag" rel="tag">#<span>fediverse</span></a> things, `
      + 'with a link to <a href="https://example.org/articles/reactive-clients" rel="nofollow noopener noreferrer" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.org/articles/reactiv</span><span class="invisible">e-clients</span></a> '
      + 'and a mention of <span class="h-card"><a href="https://mastodon.example/@admin" class="u-url mention">@<span>admin</span></a></span>.</p>',
    filtered: [],
    reblog: null,
    application: { name: 'Web', website: null },
    account: who,
    media_attachments: [{
      id: String(200_000 + n),
      type: 'image',
      url: `https://files.mastodon.example/media_attachments/files/109/000/${n}/original/image.png`,
      preview_url: `https://files.mastodon.example/media_attachments/files/109/000/${n}/small/image.png`,
      remote_url: null,
      preview_remote_url: null,
      text_url: null,
      meta: { original: { width: 1200, height: 800, size: '1200x800', aspect: 1.5 }, small: { width: 480, height: 320, size: '480x320', aspect: 1.5 } },
      description: 'A screenshot of a timeline',
      blurhash: 'UFBWY:8_0Jxv?bRjxuWB~qofR*M{%MWBRjof',
    }],
    mentions: [{ id: '1', username: 'admin', url: 'https://mastodon.example/@admin', acct: 'admin' }],
    tags: [{ name: 'fediverse', url: 'https://mastodon.example/tags/fediverse' }],
    emojis: [],
    card: {
      url: 'https://example.org/articles/reactive-clients',
      title: 'Reactive clients for federated timelines',
      description: 'How streams of pages and events make timelines simple to compose.',
      type: 'link',
      author_name: '',
      author_url: '',
      provider_name: 'example.org',
      provider_url: '',
      html: '',
      width: 400,
      height: 210,
      image: 'https://files.mastodon.example/cache/preview_cards/images/000/000/001/original/card.png',
      embed_url: '',
      blurhash: 'UCHLh+~q-;RP?bt7ofWB-;ofRjWBIUWBRjt7',
    },
    poll: null,
  };
}

/** A page of statuses `first`, `first + 1`, … (newest first), serialised once. */
export function pageBody(first: number, count: number): string {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) items.push(benchStatus(first + i));
  return JSON.stringify(items);
}
