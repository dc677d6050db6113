import type { MediaAttachment } from '../entities/status.js';
import { idOf, type IdLike } from '../ids.js';
import { endpoint, json } from './define.js';

// Media attachments: reading them; uploads are in media-uploads.ts.

/**
 * An uploaded media attachment, to see whether the server has processed it (`url` set).
 * @example media(client, uploaded).subscribe((m) => console.log(m.url ?? 'still processing'))
 */
export const media = /* @__PURE__ */ endpoint('GET /api/v1/media/{id}', {
  created: '3.1.4', changed: '3.2.0', returns: json<MediaAttachment>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});
