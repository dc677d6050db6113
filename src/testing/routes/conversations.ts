import { FakeHttpError, userOf, type FakeRoutes } from './types.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { statusView } from './status-state.js';
import { scoped } from './scoped.js';

/** A conversation of one participant, as the fake server keeps it. */
export interface FakeConversation {
  readonly id: string;
  /** The id of the thread's first status. */
  readonly root: string;
  unread: boolean;
  participants: Set<string>;
  lastStatusId: string;
}

/** owner → their conversations. */
type ConversationState = Map<string, FakeConversation[]>;

function conversationState(store: FakeStore): ConversationState {
  return store.extension<ConversationState>('conversations', () => new Map());
}

function rootOf(store: FakeStore, status: FakeStatus): string {
  let current = status;
  for (;;) {
    const parent = current['in_reply_to_id'] ? store.statusById.get(current['in_reply_to_id'] as string) : undefined;
    if (!parent) return current.id;
    current = parent;
  }
}

/**
 * Files a direct status into the conversation of its thread, for its author (read) and
 * everyone it mentions (unread), and tells the listeners (`conversation.updated`, for each).
 */
export function recordConversation(store: FakeStore, status: FakeStatus): void {
  const state = conversationState(store);
  const root = rootOf(store, status);
  const mentioned = (status['mentions'] as { id: string }[] | undefined ?? []).map((m) => m.id);
  const participants = [status.account.id, ...mentioned];
  for (const owner of new Set(participants)) {
    const mine = state.get(owner) ?? [];
    state.set(owner, mine);
    let conversation = mine.find((c) => c.root === root);
    if (!conversation) {
      conversation = { id: store.nextId(), root, unread: false, participants: new Set(), lastStatusId: status.id };
      mine.push(conversation);
    }
    for (const p of participants) conversation.participants.add(p);
    conversation.lastStatusId = status.id;
    conversation.unread = owner !== status.account.id;
    store.notify({ type: 'conversation.updated', ownerId: owner, conversation });
  }
}

/** The conversation of `owner` whose last status is `statusId`, if any. */
export function conversationEndingWith(store: FakeStore, owner: string, statusId: string): FakeConversation | undefined {
  return conversationState(store).get(owner)?.find((c) => c.lastStatusId === statusId);
}

/** A conversation as its owner sees it: the other participants, and the last status as the owner sees it. */
export function conversationJson(store: FakeStore, owner: string, conversation: FakeConversation): Record<string, unknown> {
  const last = store.statusById.get(conversation.lastStatusId);
  return {
    id: conversation.id,
    unread: conversation.unread,
    accounts: [...conversation.participants].filter((id) => id !== owner).map((id) => store.accountById(id)).filter(Boolean),
    last_status: last ? statusView(store, last, owner) : null,
  };
}

/** Direct-message conversations. */
export const conversationRoutes: FakeRoutes = {
  'GET /api/v1/conversations/': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const mine = [...(conversationState(store).get(me) ?? [])]
        .sort((a, b) => b.lastStatusId.length - a.lastStatusId.length || (b.lastStatusId < a.lastStatusId ? -1 : 1));
      const reply = pageReply(req, mine, { cursor: (c) => c.lastStatusId });
      return { ...reply, json: (reply.json as FakeConversation[]).map((c) => conversationJson(store, me, c)) };
    },
  },

  'POST /api/v1/conversations/{id}/read': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const conversation = ownConversation(store, me, req.pathParams['id']);
      conversation.unread = false;
      return { json: conversationJson(store, me, conversation) };
    },
  },

  'POST /api/v1/conversations/{id}/unread': scoped(['write', 'write:conversations'], {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const conversation = ownConversation(store, me, req.pathParams['id']);
      conversation.unread = true;
      return { json: conversationJson(store, me, conversation) };
    },
  }),

  // Only the user's view of it goes; the next direct status in the thread brings it back.
  'DELETE /api/v1/conversations/{id}': scoped(['write', 'write:conversations'], {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const conversation = ownConversation(store, me, req.pathParams['id']);
      const mine = conversationState(store).get(me)!;
      mine.splice(mine.indexOf(conversation), 1);
      return { json: {} };
    },
  }),
};

function ownConversation(store: FakeStore, owner: string, id: string | undefined): FakeConversation {
  const conversation = conversationState(store).get(owner)?.find((c) => c.id === id);
  if (!conversation) throw new FakeHttpError(404, 'Record not found');
  return conversation;
}
