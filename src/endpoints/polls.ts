import { endpoint, json } from './define.js';
import type { Poll } from '../entities/status.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import type { PollSpec } from './status-params.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `makePoll`. */
export interface MakePollOptions {
  /** Allow more than one choice. Default `false`. */
  multiple?: boolean;
  /** Hide the counts until the poll closes. Default `false`. */
  hide_totals?: boolean;
}

function choicesOf(choices: number | readonly number[]): number[] {
  const list = Array.isArray(choices) ? choices : [choices];
  if (list.length === 0) throw new MastodonIllegalArgumentError('choices must name at least one option');
  return list.map((choice: unknown) => {
    if (typeof choice !== 'number' || !Number.isInteger(choice) || choice < 0) {
      throw new MastodonIllegalArgumentError(`choices must be option indices (integers from 0), got ${String(choice)}`);
    }
    return choice;
  });
}

// Polls: reading and voting.

/**
 * Fetch a poll, with the user's own votes.
 * @example poll(client, status.poll!.id).subscribe((poll) => console.log(poll.votes_count))
 */
export const poll = /* @__PURE__ */ endpoint('GET /api/v1/polls/{id}', {
  fillPath, created: '2.8.0', changed: '2.8.0', returns: json<Poll>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Vote in a poll: the index of an option, or several indices in a poll that allows it.
 * Emits the updated poll.
 * @example pollVote(client, poll, [0, 2]).subscribe((poll) => console.log(poll.own_votes))
 */
export const pollVote = /* @__PURE__ */ endpoint('POST /api/v1/polls/{id}/votes', {
  fillPath, created: '2.8.0', changed: '2.8.0', returns: json<Poll>,
  params: (id: IdLike, choices: number | readonly number[]) => ({ id: idOf(id), choices: choicesOf(choices) }),
});

/**
 * A poll to pass as `poll` to `statusPost`: the options, how many seconds it stays open,
 * and its two flags. Makes no request.
 * @example statusPost(client, 'Tea or coffee?', { poll: makePoll(['tea', 'coffee'], 3600) })
 */
export function makePoll(options: readonly string[], expires_in: number, flags?: MakePollOptions): PollSpec {
  return {
    options: Array.isArray(options) ? [...options] : options,
    expires_in,
    multiple: flags?.multiple ?? false,
    hide_totals: flags?.hide_totals ?? false,
  };
}
