import { escapeHtml, type FakeStatus, type FakeStore } from '../store.js';
import { canSee } from './social.js';
import { statusView, visibleStatus } from './status-state.js';
import { FakeHttpError, list, str, type FakeRoutes } from './types.js';
import { READ_STATUSES, scoped } from './scoped.js';

/** How many statuses `GET /api/v1/statuses` takes at once, as Mastodon's DEFAULT_STATUSES_LIMIT. */
const BATCH_LIMIT = 20;

/** The fake translation service's name, as the `provider` of its translations. */
export const FAKE_TRANSLATOR = 'Fake Translate';

/** A visibly fake translation of a text: marked with the target language. */
function translated(text: string, target: string): string {
  return text === '' ? '' : `[${target}] ${text}`;
}

/** An HTML text translated run by run: every text between tags marked, the markup kept. */
function translatedHtml(html: string, target: string): string {
  return html.replace(/>([^<]+)</g, (_match, text: string) => `>${translated(text, target)}<`);
}

function translationOf(status: FakeStatus, target: string): Record<string, unknown> {
  const media = (status['media_attachments'] as { id: string; description: string | null }[] | undefined) ?? [];
  const poll = status['poll'] as { id: string; options: { title: string }[] } | null;
  return {
    content: translatedHtml(status.content, target),
    spoiler_text: translated(String(status['spoiler_text'] ?? ''), target),
    media_attachments: media.map((m) => ({ id: m.id, description: translated(m.description ?? '', target) })),
    poll: poll ? { id: poll.id, options: poll.options.map((o) => ({ title: translated(o.title, target) })) } : null,
    language: target,
    detected_source_language: typeof status['language'] === 'string' ? status['language'] : 'en',
    provider: FAKE_TRANSLATOR,
  };
}

/** The local status a URL names (`/@user/id` or `/users/user/statuses/id`), as Mastodon's StatusFinder reads it. */
function statusAt(store: FakeStore, url: string | undefined): FakeStatus | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(store.baseUrl).origin) return undefined;
  const match = /^\/(?:@([\w.-]+)|users\/([\w.-]+)\/statuses)\/(\d+)\/?$/.exec(parsed.pathname);
  const status = match ? store.statusById.get(match[3]!) : undefined;
  return status && status.account.username === (match![1] ?? match![2]) ? status : undefined;
}

function oembedOf(store: FakeStore, status: FakeStatus, width: number, height: number | null): Record<string, unknown> {
  const url = String(status['url']);
  const heightAttribute = height === null ? '' : ` height="${height}"`;
  return {
    type: 'rich', version: '1.0', title: `New status by ${status.account.username}`,
    author_name: status.account.display_name || status.account.username, author_url: status.account.url,
    provider_name: new URL(store.baseUrl).host, provider_url: `${store.baseUrl}/`, cache_age: 86_400,
    html: `<iframe src="${escapeHtml(url)}/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="${width}"${heightAttribute} allowfullscreen="allowfullscreen"></iframe>`
      + `<script src="${store.baseUrl}/embed.js" async="async"></script>`,
    width, height,
  };
}

/** Statuses read in a batch, and translated by a translation service that marks what it translates. */
export const statusLookupRoutes: FakeRoutes = {
  'GET /api/v1/statuses': scoped(READ_STATUSES, {
    auth: 'none',
    handle: (req, { store }) => {
      const ids = [...new Set(list(req.params, 'id'))];
      if (ids.length > BATCH_LIMIT) throw new FakeHttpError(422, 'Mastodon::ValidationError');
      const viewer = req.user?.account.id;
      const found = ids.map((id) => store.statusById.get(id))
        .filter((status): status is FakeStatus => status !== undefined && canSee(store, status, viewer));
      return { json: found.map((status) => statusView(store, status, viewer)) };
    },
  }),

  // Public and unlisted statuses only, whoever asks, as Mastodon's OEmbedController answers.
  'GET /api/oembed': {
    auth: 'none',
    handle: (req, { store }) => {
      const status = statusAt(store, str(req.params, 'url'));
      if (!status || (status.visibility !== 'public' && status.visibility !== 'unlisted')) throw new FakeHttpError(404, 'Record not found');
      const number = (name: string): number | undefined => {
        const value = Number(str(req.params, name));
        return Number.isInteger(value) && value > 0 ? value : undefined;
      };
      return { json: oembedOf(store, status, number('maxwidth') ?? 400, number('maxheight') ?? null) };
    },
  },

  'POST /api/v1/statuses/{id}/translate': scoped(READ_STATUSES, {
    auth: 'app',
    handle: (req, { store }) => {
      const status = visibleStatus(store, req);
      if (status.visibility !== 'public' && status.visibility !== 'unlisted') throw new FakeHttpError(403, 'This action is not allowed');
      return { json: translationOf(status, str(req.params, 'lang') ?? 'en') };
    },
  }),
};
