import { row, text } from '../endpoints/define.js';
import type { Params } from '../http/params.js';

// The streaming server's routes, as rows: the stream methods open them (SSE, their parameters
// in the query) rather than call them, and the docs, the operation count and the fake server's
// route check read them here.

/** The user's stream, which `streamUser` opens. */
export const streamUserRow = /* @__PURE__ */ row('GET /api/v1/streaming/user', {
  created: '1.0.0', returns: text, params: (query: Params) => query,
});

/** The public stream, which `streamPublic` opens. */
export const streamPublicRow = /* @__PURE__ */ row('GET /api/v1/streaming/public', {
  created: '1.0.0', returns: text, params: (query: Params) => query,
});

/** The public stream of this server, which `streamLocal` and `streamPublic({ local: true })` open. */
export const streamPublicLocalRow = /* @__PURE__ */ row('GET /api/v1/streaming/public/local', {
  created: '1.1.0', returns: text, params: (query: Params) => query,
});

/** The public stream of other servers, which `streamPublic({ remote: true })` opens. */
export const streamPublicRemoteRow = /* @__PURE__ */ row('GET /api/v1/streaming/public/remote', {
  created: '3.1.4', returns: text, params: (query: Params) => query,
});

/** The stream of a hashtag, which `streamHashtag` opens. */
export const streamHashtagRow = /* @__PURE__ */ row('GET /api/v1/streaming/hashtag', {
  created: '1.0.0', returns: text, params: (query: Params) => query,
});

/** The stream of a hashtag on this server, which `streamHashtag(tag, { local: true })` opens. */
export const streamHashtagLocalRow = /* @__PURE__ */ row('GET /api/v1/streaming/hashtag/local', {
  created: '1.1.0', returns: text, params: (query: Params) => query,
});

/** The stream of a list, which `streamList` opens. */
export const streamListRow = /* @__PURE__ */ row('GET /api/v1/streaming/list', {
  created: '2.1.0', returns: text, params: (query: Params) => query,
});

/** The stream of direct conversations, which `streamDirect` opens. */
export const streamDirectRow = /* @__PURE__ */ row('GET /api/v1/streaming/direct', {
  created: '2.4.0', returns: text, params: (query: Params) => query,
});

/** The streaming server's health check, which `streamHealthy` asks on the streaming origin. */
export const streamHealthRow = /* @__PURE__ */ row('GET /api/v1/streaming/health', {
  created: '2.5.0', returns: text,
});
