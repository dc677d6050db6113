import { FakeHttpError, userOf, type FakeRoutes } from '../routes/types.js';
import { pageReply } from '../paginate.js';
import { fakeListMembers } from './channels.js';

/**
 * The REST reads a stream catches up through that the fake server had no route for yet:
 * notifications and list timelines (paginated with real `Link` headers).
 */
export const catchUpRoutes: FakeRoutes = {
  'GET /api/v1/notifications': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const mine = store.notifications.filter((n) => n.recipientId === me).reverse()
        .map(({ recipientId: _recipient, ...shown }) => shown);
      return pageReply(req, mine);
    },
  },
  'GET /api/v1/timelines/list/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const list = fakeListMembers(store).get(req.pathParams['id']!);
      if (!list || list.owner !== userOf(req).account.id) throw new FakeHttpError(404, 'Record not found');
      const items = store.statuses.filter((s) => s.visibility !== 'direct' && list.members.has(s.account.id)).reverse();
      return pageReply(req, items);
    },
  },
};
