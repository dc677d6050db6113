import type { Params } from '../http/params.js';
import { base64, keyBytes } from '../push/base64.js';
import type { PushPublicKeys } from '../push/keys.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { endpoint, json, nothing } from './define.js';
import { oneOf, optionsOf, requiredString } from './common.js';

/** A Web Push subscription. @see https://docs.joinmastodon.org/entities/WebPushSubscription/ */
export interface WebPushSubscription {
  /** Mastodon 4.0 sends this id as a JSON number; it arrives here as a string like every id. */
  id: string;
  endpoint: string;
  /** Which notification types are pushed. */
  alerts: Partial<Record<PushAlert, boolean>>;
  /** The server's public key, for verifying its signatures. */
  server_key: string;
  policy?: PushPolicy;
  standard?: boolean;
}

/** The notification types a push subscription can ask for, as of Mastodon 4.5. */
export type PushAlert = 'follow' | 'favourite' | 'reblog' | 'mention' | 'poll' | 'follow_request' | 'status' | 'update'
  | 'admin.sign_up' | 'admin.report' | 'quote' | 'quoted_update';

/** Whose actions are pushed: everybody's, nobody's, followers' or followed accounts'. */
export type PushPolicy = 'all' | 'none' | 'follower' | 'followed';

/** Which events to push; a flag left out is not sent (the server's default applies). */
export interface PushEventOptions {
  follow_events?: boolean;
  favourite_events?: boolean;
  reblog_events?: boolean;
  mention_events?: boolean;
  poll_events?: boolean;
  follow_request_events?: boolean;
  /** New posts of accounts the user gets notifications for. */
  status_events?: boolean;
  /** Edits of statuses the user boosted (3.5.0+). */
  update_events?: boolean;
  /** New sign-ups, for moderators (3.5.0+). */
  admin_sign_up_events?: boolean;
  /** New reports, for moderators (4.0.0+). */
  admin_report_events?: boolean;
  /** Quotes of the user's statuses (4.5.0+). */
  quote_events?: boolean;
  /** Edits of statuses the user quoted (4.5.0+). */
  quoted_update_events?: boolean;
}

/** Options of `pushSubscriptionSet`. */
export interface PushSubscriptionSetOptions extends PushEventOptions {
  /** Default `'all'`. */
  policy?: PushPolicy;
  /**
   * Standard Web Push (RFC 8030, 8291, 8292) instead of the draft Mastodon used before (4.4.0+).
   * Sent as `subscription[standard]` when given (Mastodon.py 2.2 takes it but does not send it).
   */
  standard?: boolean;
}

/** Options of `pushSubscriptionUpdate`. */
export interface PushSubscriptionUpdateOptions extends PushEventOptions {
  policy?: PushPolicy;
}

const POLICIES: readonly PushPolicy[] = ['all', 'none', 'follower', 'followed'];

function optionalFlag(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}

/** `data[alerts][type]` (only the flags given) and `data[policy]`, where Mastodon reads it. */
function dataParams(o: Partial<PushSubscriptionUpdateOptions>, policy: PushPolicy | undefined): Params {
  return {
    alerts: {
      follow: optionalFlag('follow_events', o.follow_events),
      favourite: optionalFlag('favourite_events', o.favourite_events),
      reblog: optionalFlag('reblog_events', o.reblog_events),
      mention: optionalFlag('mention_events', o.mention_events),
      poll: optionalFlag('poll_events', o.poll_events),
      follow_request: optionalFlag('follow_request_events', o.follow_request_events),
      status: optionalFlag('status_events', o.status_events),
      update: optionalFlag('update_events', o.update_events),
      'admin.sign_up': optionalFlag('admin_sign_up_events', o.admin_sign_up_events),
      'admin.report': optionalFlag('admin_report_events', o.admin_report_events),
      quote: optionalFlag('quote_events', o.quote_events),
      quoted_update: optionalFlag('quoted_update_events', o.quoted_update_events),
    },
    policy: policy === undefined ? undefined : oneOf('policy', policy, POLICIES),
  };
}

// Web Push subscriptions: one per access token.

/**
 * The push subscription of this app's token.
 * @example pushSubscription(client).subscribe((s) => console.log(s.endpoint, s.alerts))
 */
export const pushSubscription = /* @__PURE__ */ endpoint('GET /api/v1/push/subscription', {
  created: '2.4.0', returns: json<WebPushSubscription>,
});

/**
 * Subscribe to pushes at `endpoint` (an https URL; `https://` is added when there is no
 * scheme), encrypted for `encrypt_params` (the public half of `pushSubscriptionGenerateKeys`).
 * @example pushSubscriptionSet(client, 'https://example.com/push', pub, { mention_events: true, policy: 'followed' })
 */
export const pushSubscriptionSet = /* @__PURE__ */ endpoint('POST /api/v1/push/subscription', {
  created: '2.4.0', returns: json<WebPushSubscription>,
  options: 2, params: (endpoint: string, encrypt_params: PushPublicKeys, options?: PushSubscriptionSetOptions) => {
    const o = optionsOf(options);
    const url = requiredString('endpoint', endpoint);
    if (typeof encrypt_params !== 'object' || encrypt_params === null) {
      throw new MastodonIllegalArgumentError('encrypt_params must hold pubkey and auth');
    }
    const pubkey = keyBytes(encrypt_params.pubkey, 'encrypt_params.pubkey', 65);
    if (pubkey[0] !== 4) throw new MastodonIllegalArgumentError('encrypt_params.pubkey must be an uncompressed P-256 point');
    return {
      subscription: {
        endpoint: /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`,
        keys: { p256dh: base64(pubkey), auth: base64(keyBytes(encrypt_params.auth, 'encrypt_params.auth', 16)) },
        standard: optionalFlag('standard', o.standard),
      },
      data: dataParams(o, o.policy ?? 'all'),
    };
  },
});

/**
 * Change which events are pushed.
 * @example pushSubscriptionUpdate(client, { follow_events: false, mention_events: true })
 */
export const pushSubscriptionUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/push/subscription', {
  created: '2.4.0', returns: json<WebPushSubscription>,
  options: 0, params: (options?: PushSubscriptionUpdateOptions) => {
    const o = optionsOf(options);
    return { data: dataParams(o, o.policy) };
  },
});

/**
 * Stop pushes to this app's token.
 * @example pushSubscriptionDelete(client).subscribe()
 */
export const pushSubscriptionDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/push/subscription', {
  created: '2.4.0', returns: nothing,
});
