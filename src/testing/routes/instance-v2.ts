import { releasedBy } from '../server-versions.js';
import { instanceV2Json } from './server-info.js';
import { FakeHttpError, type FakeContext, type FakeReply, type FakeRequest, type FakeRoute, type FakeRoutes } from './types.js';

/** A route that a server older than `release` does not have: there it answers 404, as an unknown path does. */
function since(release: string, handle: (request: FakeRequest, context: FakeContext) => FakeReply): FakeRoute {
  return {
    auth: 'none',
    handle: (request, context) => {
      if (!releasedBy(context.version, release)) throw new FakeHttpError(404, 'Record not found');
      return handle(request, context);
    },
  };
}

/** Instance v2 and the server documents and lists Mastodon added beside it from 4.0 on. */
export const instanceV2Routes: FakeRoutes = {
  'GET /api/v2/instance/': since('4.0.0', (_req, context) => ({ json: instanceV2Json(context) })),
};
