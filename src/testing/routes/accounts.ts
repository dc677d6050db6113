import { FakeHttpError, userOf, type FakeRoutes } from './types.js';

/** Accounts. */
export const accountRoutes: FakeRoutes = {
  'GET /api/v1/accounts/{id}': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = store.accountById(req.pathParams['id']!);
      if (!account) throw new FakeHttpError(404, 'Record not found');
      return { json: account };
    },
  },
  'GET /api/v1/accounts/verify_credentials': {
    auth: 'user',
    handle: (req) => {
      const { account } = userOf(req);
      return { json: { ...account, source: { privacy: 'public', sensitive: false, language: null, note: '', fields: [], follow_requests_count: 0 } } };
    },
  },
};
