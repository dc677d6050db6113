import { endpoint, json, nothing, page } from './define.js';
import { pageParams } from './common.js';
import type { Conversation } from '../entities/conversation.js';
import { idOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// Direct-message conversations.

/**
 * The user's conversations, the most recently active first. Emits one {@link Page}.
 * @example conversations(client, { limit: 20 }).subscribe((page) => console.log(page.filter((c) => c.unread).length))
 */
export const conversations = /* @__PURE__ */ endpoint('GET /api/v1/conversations/', {
  created: '2.6.0', changed: '3.3.0', returns: page<Conversation>,
  options: 0, params: pageParams,
});

/**
 * Mark a conversation as read. Emits the conversation.
 * @example conversationsRead(client, conversation).subscribe((c) => console.log(c.unread))
 */
export const conversationsRead = /* @__PURE__ */ endpoint('POST /api/v1/conversations/{id}/read', {
  fillPath, created: '2.6.0', changed: '3.3.0', returns: json<Conversation>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Mark a conversation as unread again. Emits the conversation. Mastodon has it without
 * documenting it (masto.js calls it `unread`), so no version is checked.
 * @example conversationsUnread(client, conversation).subscribe((c) => console.log(c.unread))  // true
 */
export const conversationsUnread = /* @__PURE__ */ endpoint('POST /api/v1/conversations/{id}/unread', {
  fillPath, returns: json<Conversation>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Remove a conversation from the user's list (its statuses stay; a new direct status in the
 * thread brings it back).
 * @example conversationDelete(client, conversation).subscribe(() => console.log('removed'))
 */
export const conversationDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/conversations/{id}', {
  fillPath, created: '2.6.0', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});
