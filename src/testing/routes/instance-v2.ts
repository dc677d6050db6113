import { releasedBy } from '../server-versions.js';
import { currentTerms, domainBlockJson, instanceV2Json, serverInfo, termsJson } from './server-info.js';
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

  'GET /api/v1/instance/extended_description': since('4.0.0', (_req, { store }) => ({ json: serverInfo(store).extendedDescription })),

  'GET /api/v1/instance/privacy_policy': since('4.0.0', (_req, { store }) => ({ json: serverInfo(store).privacyPolicy })),

  'GET /api/v1/instance/terms_of_service': since('4.4.0', (_req, { store }) => {
    const info = serverInfo(store);
    const terms = currentTerms(info);
    if (!terms) throw new FakeHttpError(404, 'Record not found');
    return { json: termsJson(info, terms) };
  }),

  'GET /api/v1/instance/terms_of_service/{date}': since('4.4.0', (req, { store }) => {
    const info = serverInfo(store);
    const terms = info.termsOfService.find((t) => t.effective_date === req.pathParams['date']);
    if (!terms) throw new FakeHttpError(404, 'Record not found');
    return { json: termsJson(info, terms) };
  }),

  // Mastodon answers a bare 404 when the admin shows the list to nobody, or only to logged-in users.
  'GET /api/v1/instance/domain_blocks': since('4.0.0', (req, { store }) => {
    const info = serverInfo(store);
    const shown = info.domainBlocksVisibility === 'all' || (info.domainBlocksVisibility === 'users' && req.user !== undefined);
    if (!shown) return { status: 404, text: '' };
    return { json: info.domainBlocks.map(domainBlockJson) };
  }),

  'GET /api/v1/instance/languages': since('4.2.0', (_req, { store }) => ({ json: serverInfo(store).languages })),

  'GET /api/v1/instance/translation_languages': since('4.2.0', (_req, { store }) => {
    const { translation } = serverInfo(store);
    return { json: translation.enabled ? translation.languages : {} };
  }),
};
