import { FakeHttpError, list, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { inner } from './social.js';
import { pollView, statusState, visibleStatus } from './status-state.js';

interface FakePoll {
  id: string;
  expires_at: string;
  multiple: boolean;
  votes_count: number;
  voters_count: number;
  options: { title: string; votes_count: number }[];
}

/** The poll of the request's `{id}` and its status (poll ids are their status's id here). */
function pollOf(store: FakeStore, request: FakeRequest): { status: FakeStatus; poll: FakePoll } {
  const status = visibleStatus(store, request);
  const poll = status['poll'] as FakePoll | null;
  if (!poll) throw new FakeHttpError(404, 'Record not found');
  return { status, poll };
}

/** Polls and votes. */
export const pollRoutes: FakeRoutes = {
  'GET /api/v1/polls/{id}': {
    auth: 'none',
    handle: (req, { store }) => ({ json: pollView(store, pollOf(store, req).poll, req.user?.account.id) }),
  },

  'POST /api/v1/polls/{id}/votes': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const { status, poll } = pollOf(store, req);
      if (Date.parse(poll.expires_at) <= Date.now()) throw new FakeHttpError(422, 'Validation failed: The poll has already ended');
      if (status.account.id === me) throw new FakeHttpError(422, 'Validation failed: You cannot vote in your own poll');
      const choices = list(req.params, 'choices').map(Number);
      if (choices.length === 0 || choices.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) {
        throw new FakeHttpError(422, 'Validation failed: Choice is not a valid option');
      }
      if (!poll.multiple && choices.length > 1) throw new FakeHttpError(422, 'Validation failed: Poll allows only one choice');
      const votes = inner(statusState(store).votes, poll.id);
      const earlier = votes.get(me);
      if (earlier && (!poll.multiple || choices.some((c) => earlier.includes(c)))) {
        throw new FakeHttpError(422, 'Validation failed: You have already voted on this poll');
      }
      const fresh = [...new Set(choices)];
      votes.set(me, [...earlier ?? [], ...fresh]);
      for (const choice of fresh) poll.options[choice]!.votes_count += 1;
      poll.votes_count += fresh.length;
      if (!earlier) poll.voters_count += 1;
      return { json: pollView(store, poll, me) };
    },
  },
};
