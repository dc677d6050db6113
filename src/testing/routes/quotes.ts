import { escapeHtml, type FakeAccount, type FakeStatus, type FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { canSee, follows, muteOf, blocks } from './social.js';
import { FakeHttpError, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { READ_STATUSES, scoped, WRITE_STATUSES } from './scoped.js';

/** Who may quote a status, as Mastodon 4.5 stores it for local statuses. */
export type FakeQuotePolicy = 'public' | 'followers' | 'nobody';

/**
 * Where a quote stands. Mastodon accepts a local quote at once when the policy allows it and
 * refuses it otherwise, so `pending` and `rejected` come only from other servers' authors:
 * tests set them through {@link fakeQuotes} to see how an app shows them.
 */
export type FakeQuoteState = 'pending' | 'accepted' | 'rejected' | 'revoked' | 'deleted';

/** One quote: a status quoting another. */
export interface FakeQuote {
  /** The quote's own id, the cursor of `GET /api/v1/statuses/{id}/quotes`. */
  readonly id: string;
  /** The quoting status. */
  readonly statusId: string;
  /** The quoted status. */
  readonly quotedId: string;
  state: FakeQuoteState;
}

/** The quotes of a fake server and the quote policies of its statuses. */
export interface FakeQuotesState {
  /** quoting status id → its quote. */
  readonly quotes: Map<string, FakeQuote>;
  /** status id → who may quote it. */
  readonly policies: Map<string, FakeQuotePolicy>;
}

const POLICIES: readonly string[] = ['public', 'followers', 'nobody'];

/**
 * The quotes of a fake server, to read them or to put one in a state only federation
 * reaches (`pending`, `rejected`).
 * @example fakeQuotes(server.store).quotes.get(quoting.id)!.state = 'pending';
 */
export function fakeQuotes(store: FakeStore): FakeQuotesState {
  return store.extension<FakeQuotesState>('quotes', () => {
    const state: FakeQuotesState = { quotes: new Map(), policies: new Map() };
    // A deleted quoting status takes its quote along; a deleted quoted one leaves its quotes
    // `deleted`. An edit tells the authors of its accepted quotes (`quoted_update`, about their quote).
    store.listen((change) => {
      if (change.type === 'status.updated') notifyQuoters(store, state, change['status'] as FakeStatus);
      if (change.type !== 'status.deleted') return;
      const { id } = change['status'] as FakeStatus;
      state.quotes.delete(id);
      state.policies.delete(id);
      for (const quote of state.quotes.values()) if (quote.quotedId === id) quote.state = 'deleted';
    });
    return state;
  });
}

function notifyQuoters(store: FakeStore, state: FakeQuotesState, edited: FakeStatus): void {
  for (const quote of state.quotes.values()) {
    const quoting = quote.quotedId === edited.id && quote.state === 'accepted' ? store.statusById.get(quote.statusId) : undefined;
    if (quoting && quoting.account.id !== edited.account.id) store.addNotification('quoted_update', quoting.account.id, edited.account, quoting);
  }
}

function policyOf(store: FakeStore, status: FakeStatus): FakeQuotePolicy {
  if (status.visibility === 'private' || status.visibility === 'direct') return 'nobody';
  return fakeQuotes(store).policies.get(status.id) ?? 'public';
}

/**
 * Whether `viewer` may quote `status`, as Mastodon's `StatusPolicy#quote?` decides for a local
 * status: never a direct one or a boost; its author always; others as the policy says, if they
 * may see it.
 */
function mayQuote(store: FakeStore, status: FakeStatus, viewer: string | undefined): boolean {
  if (viewer === undefined || status.visibility === 'direct' || status['reblog']) return false;
  if (!canSee(store, status, viewer)) return false;
  if (viewer === status.account.id) return true;
  const policy = policyOf(store, status);
  return policy === 'public' || (policy === 'followers' && follows(store, viewer, status.account.id));
}

function policyParam(request: FakeRequest): FakeQuotePolicy | undefined {
  const value = str(request.params, 'quote_approval_policy');
  if (value === undefined || value === '') return undefined;
  if (!POLICIES.includes(value)) throw new FakeHttpError(422, 'Validation failed: Quote approval policy is not included in the list');
  return value as FakeQuotePolicy;
}

/**
 * The status a new status quotes (`quoted_status_id`), checked as Mastodon checks it before
 * posting: a boost stands for the status it boosts, and one that is not there, that the user
 * may not see or that its policy does not let them quote is the same 404. Also checks
 * `quote_approval_policy`.
 */
export function quotedStatusOf(store: FakeStore, request: FakeRequest): FakeStatus | undefined {
  policyParam(request);
  const id = str(request.params, 'quoted_status_id');
  if (id === undefined || id === '') return undefined;
  const found = store.statusById.get(id);
  const quoted = (found?.['reblog'] as FakeStatus | null | undefined) ?? found;
  if (!quoted || !mayQuote(store, quoted, userOf(request).account.id)) {
    throw new FakeHttpError(404, 'The post you are trying to quote does not appear to exist.');
  }
  return quoted;
}

/** The visibility of a quote: quoting a private status makes a public or unlisted quote private, as in Mastodon. */
export function quoteVisibility(quoted: FakeStatus | undefined, visibility: string): string {
  return quoted?.visibility === 'private' && (visibility === 'public' || visibility === 'unlisted') ? 'private' : visibility;
}

/** The `RE:` line Mastodon puts before a quote's text, for software that shows no quotes. */
export function quoteInline(quoted: FakeStatus | undefined): string {
  if (!quoted) return '';
  const url = escapeHtml(String(quoted['url'] ?? quoted['uri']));
  return `<p class="quote-inline">RE: <a href="${url}">${url}</a></p>`;
}

/** The `RE:` line of a status that quotes another, for its edits. */
export function quoteInlineOf(store: FakeStore, statusId: string): string {
  const quote = fakeQuotes(store).quotes.get(statusId);
  return quoteInline(quote ? store.statusById.get(quote.quotedId) : undefined);
}

/**
 * Records a new status's quote policy and its quote, accepted at once as Mastodon accepts a
 * local quote its policy allows, with a `quote` notification for the quoted author.
 */
export function recordQuote(store: FakeStore, request: FakeRequest, status: FakeStatus, quoted: FakeStatus | undefined): void {
  const state = fakeQuotes(store);
  const policy = policyParam(request);
  if (policy) state.policies.set(status.id, policy);
  if (!quoted) return;
  state.quotes.set(status.id, { id: store.nextId(), statusId: status.id, quotedId: quoted.id, state: 'accepted' });
  if (quoted.account.id !== status.account.id) store.addNotification('quote', quoted.account.id, status.account, status);
}

/** Changes a status's quote policy when the request names one (edits and `interaction_policy`). */
export function updateQuotePolicy(store: FakeStore, request: FakeRequest, status: FakeStatus): void {
  const policy = policyParam(request);
  if (policy) fakeQuotes(store).policies.set(status.id, policy);
}

function quoteApproval(store: FakeStore, status: FakeStatus, viewer: string | undefined): Record<string, unknown> {
  const policy = policyOf(store, status);
  const automatic = status.visibility === 'direct' ? [] : policy === 'nobody' ? [] : [policy];
  const currentUser = viewer === undefined ? 'unknown' : mayQuote(store, status, viewer) ? 'automatic' : 'denied';
  return { automatic, manual: [], current_user: currentUser };
}

/** How `viewer` sees an accepted quote of `quoted`: hidden when they may not see it, or block or mute its author. */
function viewedState(store: FakeStore, quote: FakeQuote, quoted: FakeStatus | undefined, viewer: string | undefined): string {
  if (quote.state !== 'accepted') return quote.state;
  if (!quoted) return 'deleted';
  if (!canSee(store, quoted, viewer)) return 'unauthorized';
  if (viewer !== undefined && blocks(store, viewer, quoted.account.id)) return 'blocked_account';
  if (viewer !== undefined && muteOf(store, viewer, quoted.account.id)) return 'muted_account';
  return 'accepted';
}

const SHOWN = new Set(['accepted', 'blocked_account', 'blocked_domain', 'muted_account']);

/**
 * The quote fields of a status as `viewer` sees them: `quote` (the quoted status in full
 * through `render`, or only its id when `nested`), `quote_approval` and `quotes_count`.
 */
export function quoteFields(store: FakeStore, status: FakeStatus, viewer: string | undefined, nested: boolean,
  render: (quoted: FakeStatus) => Record<string, unknown>): Record<string, unknown> {
  const state = fakeQuotes(store);
  const quote = state.quotes.get(status.id);
  let quoteJson: Record<string, unknown> | null = null;
  if (quote) {
    const quoted = store.statusById.get(quote.quotedId);
    const shown = viewedState(store, quote, quoted, viewer);
    const visible = quoted !== undefined && SHOWN.has(shown);
    quoteJson = nested
      ? { state: shown, quoted_status_id: visible ? quoted.id : null }
      : { state: shown, quoted_status: visible ? render(quoted) : null };
  }
  let count = 0;
  for (const other of state.quotes.values()) if (other.quotedId === status.id && other.state === 'accepted') count += 1;
  return { quote: quoteJson, quote_approval: quoteApproval(store, status, viewer), quotes_count: count };
}

function statusOr404(store: FakeStore, request: FakeRequest, id: string | undefined): FakeStatus {
  const status = id === undefined ? undefined : store.statusById.get(id);
  if (!status || !canSee(store, status, request.user?.account.id)) throw new FakeHttpError(404, 'Record not found');
  return status;
}

/**
 * The quote routes, answering with statuses rendered by `render` as the request's user sees
 * them: quotes of a status (accepted ones, newest first, by quote), revoking one, and the
 * quote policy of a status.
 */
export function quoteRoutes(render: (store: FakeStore, status: FakeStatus, viewer: string | undefined) => Record<string, unknown>): FakeRoutes {
  return {
    'GET /api/v1/statuses/{id}/quotes': scoped(READ_STATUSES, {
      auth: 'app',
      handle: (req, { store }) => {
        const status = statusOr404(store, req, req.pathParams['id']);
        const viewer = req.user?.account.id;
        const quotes = [...fakeQuotes(store).quotes.values()]
          .filter((q) => q.quotedId === status.id && q.state === 'accepted')
          .map((q) => ({ quote: q, status: store.statusById.get(q.statusId) }))
          .filter((q): q is { quote: FakeQuote; status: FakeStatus } => q.status !== undefined && canSee(store, q.status, viewer)
            && (viewer === undefined || viewer === status.account.id || !hidesAuthor(store, viewer, q.status.account)))
          .sort((a, b) => compareIds(b.quote.id, a.quote.id));
        const reply = pageReply(req, quotes, { cursor: (q) => q.quote.id });
        return { ...reply, json: (reply.json as { status: FakeStatus }[]).map((q) => render(store, q.status, viewer)) };
      },
    }),

    'POST /api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke': scoped(WRITE_STATUSES, {
      auth: 'user',
      handle: (req, { store }) => {
        const me = userOf(req).account.id;
        const status = statusOr404(store, req, req.pathParams['id']);
        const quote = fakeQuotes(store).quotes.get(req.pathParams['quoting_status_id'] ?? '');
        if (!quote || quote.quotedId !== status.id) throw new FakeHttpError(404, 'Record not found');
        if (status.account.id !== me) throw new FakeHttpError(403, 'This action is not allowed');
        if (quote.state === 'accepted' || quote.state === 'pending') quote.state = 'revoked';
        return { json: render(store, store.statusById.get(quote.statusId)!, me) };
      },
    }),

    'PUT /api/v1/statuses/{id}/interaction_policy': scoped(WRITE_STATUSES, {
      auth: 'user',
      handle: (req, { store }) => {
        const me = userOf(req).account.id;
        const status = store.statusById.get(req.pathParams['id'] ?? '');
        if (!status || status.account.id !== me) throw new FakeHttpError(404, 'Record not found');
        updateQuotePolicy(store, req, status);
        return { json: render(store, status, me) };
      },
    }),
  };
}

function hidesAuthor(store: FakeStore, viewer: string, author: FakeAccount): boolean {
  return blocks(store, viewer, author.id) || muteOf(store, viewer, author.id) !== undefined;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
