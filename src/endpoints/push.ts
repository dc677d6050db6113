import type { Mastodon } from '../client/mastodon.js';
import type { Params } from '../http/params.js';
import { decryptPush, type DecryptPushOptions, type PushNotification } from '../push/decrypt.js';
import { base64, keyBytes } from '../push/base64.js';
import { generatePushKeys, type PushPrivateKeys, type PushPublicKeys } from '../push/keys.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { endpoint, json, nothing } from './define.js';
import { oneOf, optionsOf, requiredString } from './common.js';

/** A Web Push subscription. @see https://docs.joinmastodon.org/entities/WebPushSubscription/ */
export interface WebPushSubscription {
  /** Mastodon 4.0 sends this id as a JSON number; it arrives here as a string like every id. */
  id: string;
  endpoint: string;
  /** Which notification types are pushed. */
  alerts: Partial<Record<'follow' | 'favourite' | 'reblog' | 'mention' | 'poll' | 'follow_request' | 'status' | 'update', boolean>>;
  /** The server's public key, for verifying its signatures. */
  server_key: string;
  policy?: PushPolicy;
  standard?: boolean;
}

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
}

/** Options of `pushSubscriptionSet`. */
export interface PushSubscriptionSetOptions extends PushEventOptions {
  /** Default `'all'`. */
  policy?: PushPolicy;
}

/** Options of `pushSubscriptionUpdate`. */
export interface PushSubscriptionUpdateOptions extends PushEventOptions {
  policy?: PushPolicy;
}

const POLICIES: readonly PushPolicy[] = ['all', 'none', 'follower', 'followed'];

/** `data[alerts][type]` and `data[policy]`. */
function dataParams(o: Partial<PushSubscriptionUpdateOptions>, policy: PushPolicy | undefined): Params {
  return {
    alerts: {
      follow: o.follow_events,
      favourite: o.favourite_events,
      reblog: o.reblog_events,
      mention: o.mention_events,
      poll: o.poll_events,
      follow_request: o.follow_request_events,
      status: o.status_events,
    },
    policy: policy === undefined ? undefined : oneOf('policy', policy, POLICIES),
  };
}

/** Web Push subscriptions: one per access token. */
export const push = {
  /**
   * The push subscription of this app's token.
   * @example api.pushSubscription().subscribe((s) => console.log(s.endpoint, s.alerts))
   */
  pushSubscription: endpoint('GET /api/v1/push/subscription', {
    created: '2.4.0', returns: json<WebPushSubscription>(),
  }),

  /**
   * Subscribe to pushes at `endpoint` (an https URL; `https://` is added when there is no
   * scheme), encrypted for `encrypt_params` (the public half of `pushSubscriptionGenerateKeys`).
   * @example api.pushSubscriptionSet('https://example.com/push', pub, { mention_events: true, policy: 'followed' })
   */
  pushSubscriptionSet: endpoint('POST /api/v1/push/subscription', {
    created: '2.4.0', returns: json<WebPushSubscription>(),
    params: (endpoint: string, encrypt_params: PushPublicKeys, options?: PushSubscriptionSetOptions) => {
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
        },
        data: dataParams(o, o.policy ?? 'all'),
      };
    },
  }),

  /**
   * Change which events are pushed.
   * @example api.pushSubscriptionUpdate({ follow_events: false, mention_events: true })
   */
  pushSubscriptionUpdate: endpoint('PUT /api/v1/push/subscription', {
    created: '2.4.0', returns: json<WebPushSubscription>(),
    params: (options?: PushSubscriptionUpdateOptions) => {
      const o = optionsOf(options);
      return { data: dataParams(o, o.policy) };
    },
  }),

  /**
   * Stop pushes to this app's token.
   * @example api.pushSubscriptionDelete().subscribe()
   */
  pushSubscriptionDelete: endpoint('DELETE /api/v1/push/subscription', {
    created: '2.4.0', returns: nothing(),
  }),
};

/** Push cryptography: pure, no request, so these return values (and throw typed errors). */
export const pushExtras = {
  /**
   * A new P-256 key pair and 16-byte auth secret, base64url: `[priv, pub]`. Node.js only.
   * @example const [priv, pub] = api.pushSubscriptionGenerateKeys();
   */
  pushSubscriptionGenerateKeys(this: Mastodon): [priv: PushPrivateKeys, pub: { pubkey: string; auth: string }] {
    return generatePushKeys();
  },

  /**
   * Decrypt a push (`aesgcm` with its `Encryption` and `Crypto-Key` headers, or `aes128gcm`)
   * into the notification object. Node.js only.
   * @example const n = api.pushSubscriptionDecryptPush(body, priv, headers['encryption'], headers['crypto-key']);
   */
  pushSubscriptionDecryptPush(this: Mastodon, data: Uint8Array | ArrayBuffer, decrypt_params: PushPrivateKeys,
    encryption_header?: string | null, crypto_key_header?: string | null, options?: DecryptPushOptions): PushNotification {
    return decryptPush(data, decrypt_params, encryption_header, crypto_key_header, options);
  },
};
