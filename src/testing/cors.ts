import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// CORS as Mastodon configures rack-cors (config/initializers/cors.rb): any origin, no
// credentials, any requested header; the API exposes its paging and rate-limit headers to
// browser code. Mastodon's own list covers `/oauth/token`; the fake allows every `/oauth/*`
// route it has, which all take POST.

interface CorsResource {
  readonly prefix: string;
  readonly methods: string;
  readonly expose: string;
}

const RESOURCES: readonly CorsResource[] = [
  {
    prefix: '/api/',
    methods: 'POST, PUT, DELETE, GET, PATCH, OPTIONS',
    expose: 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id',
  },
  { prefix: '/oauth/', methods: 'POST', expose: '' },
  { prefix: '/.well-known/', methods: 'GET', expose: '' },
];

/** How long a browser may keep a preflight's answer, in seconds (rack-cors's default). */
const MAX_AGE = '7200';

function resourceFor(path: string): CorsResource | undefined {
  return RESOURCES.find((resource) => path.startsWith(resource.prefix));
}

/** The CORS headers of every response under a CORS path (none elsewhere). */
export function corsHeaders(path: string): Record<string, string> {
  const resource = resourceFor(path);
  if (!resource) return {};
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': resource.methods,
    'access-control-expose-headers': resource.expose,
    'access-control-max-age': MAX_AGE,
  };
}

/**
 * The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) under a CORS
 * path: 200 and no body, with the CORS headers and the requested headers allowed when the
 * method is allowed, without them when it is not (so the browser refuses). `undefined` when the
 * request is no preflight for a CORS path.
 */
export function preflightHeaders(req: IncomingMessage, path: string): Record<string, string> | undefined {
  const method = req.headers['access-control-request-method'];
  const resource = resourceFor(path);
  if (req.method !== 'OPTIONS' || typeof method !== 'string' || !resource) return undefined;
  if (!resource.methods.split(', ').includes(method.toUpperCase())) return {};
  const requested = req.headers['access-control-request-headers'];
  return { ...corsHeaders(path), ...(requested ? { 'access-control-allow-headers': requested } : {}) };
}

/**
 * The `X-Request-Id` of a response, as Rails sets it: the request's own id, kept to letters,
 * digits, `_`, `-` and `@` and 255 characters, or a new UUID.
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const cleaned = (typeof given === 'string' ? given : '').replace(/[^\w\-@]/g, '').slice(0, 255);
  return cleaned || randomUUID();
}
