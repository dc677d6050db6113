import type { MediaAttachment } from '../entities/status.js';
import { idOf, type IdLike } from '../ids.js';
import { endpoint, json, nothing } from './define.js';
import { fillPath } from '../http/fill-path.js';

// Media attachments: reading them; uploads are in media-uploads.ts.

/**
 * An uploaded media attachment, to see whether the server has processed it (`url` set).
 * @example media(client, uploaded).subscribe((m) => console.log(m.url ?? 'still processing'))
 */
export const media = /* @__PURE__ */ endpoint('GET /api/v1/media/{id}', {
  fillPath, created: '3.1.4', changed: '3.2.0', returns: json<MediaAttachment>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Delete an upload that no status carries (Mastodon 4.4, API version 4); the server refuses
 * one a status carries with a 422.
 * @example mediaDelete(client, upload).subscribe(() => console.log('deleted'))
 */
export const mediaDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/media/{id}', {
  fillPath, created: '4.4.0', api_version: 4, returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});
