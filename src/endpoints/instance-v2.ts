import { endpoint, json, row } from './define.js';
import type { InstanceV2 } from '../entities/instance-v2.js';

// The server's description since Mastodon 4.0, and the documents and lists beside it.

/** The server's description, v2 shape: what `instance` sends to servers from 4.0. */
export const instanceV2Row = /* @__PURE__ */ row('GET /api/v2/instance/', {
  created: '4.0.0', changed: '4.0.0', returns: json<InstanceV2>,
});

/**
 * The server's description in its v2 shape: limits, registrations, API feature level, rules.
 * @example instanceV2(client).subscribe((i) => console.log(i.domain, i.configuration.statuses.max_characters, i.api_versions?.mastodon))
 */
export const instanceV2 = /* @__PURE__ */ endpoint('GET /api/v2/instance/', {
  created: '4.0.0', changed: '4.0.0', returns: json<InstanceV2>,
});
