import { FakeMastodon } from '../../../src/testing/index.js';
import { quoteJsonNumbers } from '../../../src/testing/params.js';
import { IdMap, isObject, kindOfKey } from './ids.js';
import { isJsonAnswer, jsonOf, RECORDED_HOST, type RecordedExchange, type Recording } from './recordings.js';
import { answerKind, compileRoutes, endpointOf, isStream, linkKey, linksOf, looksLikeId, routeKind, type CompiledRoute } from './routes.js';
import { seed } from './seed.js';
import { compareShapes, linkRelations, type Divergence, type ItemPairing } from './shape.js';
import { compareStreams } from './streams.js';
import { openStream, send, type OpenStream, type WireResponse } from './wire.js';
import type { RecordedWorld } from './world.js';

/** The hosts of the recorded server: its API and its streaming server. */
const RECORDED_HOSTS = new Set([RECORDED_HOST, 'localhost:4000']);
/** Marks numbers of a JSON body while it is translated, to write them back as numbers. */
const NUMBER_MARK = '\u0000number:';
/** Recorded request headers that are the recording client's or the connection's, not the request's. */
const DROPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);

/** What the replay of one recorded exchange found. */
export interface ExchangeResult {
  readonly recording: string;
  readonly index: number;
  /** The route, `GET /api/v1/statuses/{id}`. */
  readonly endpoint: string;
  /** How the real server answered: a JSON body, an event stream, or something else. */
  readonly answer: 'json' | 'stream' | 'other';
  readonly divergences: readonly Divergence[];
}

/** Replays recordings against fresh fake servers and compares the answers. */
export class Replayer {
  /** `prepare` may change each fake server before a replay (to test the comparison itself). */
  constructor(private readonly world: RecordedWorld, private readonly prepare: (server: FakeMastodon) => void = () => undefined) {}

  /** Replays one recording on a fake server of its own and compares every answer with the recorded one. */
  async replay(recording: Recording): Promise<ExchangeResult[]> {
    const server = await FakeMastodon.start({ version: '4.0.2' });
    this.prepare(server);
    try {
      return await new RecordingReplay(server, this.world, recording).run();
    } finally {
      await server.close();
    }
  }
}

class RecordingReplay {
  private readonly ids = new IdMap();
  private readonly routes: CompiledRoute[];
  private readonly streams = new Map<number, OpenStream>();

  constructor(private readonly server: FakeMastodon, private readonly world: RecordedWorld, private readonly recording: Recording) {
    this.routes = compileRoutes(server.routeKeys);
  }

  async run(): Promise<ExchangeResult[]> {
    await seed(this.server, this.world, this.recording, this.ids);
    const exchanges = this.recording.exchanges.filter((e) => RECORDED_HOSTS.has(e.request.url.host));
    // A recorded stream was open while the requests before it were answered: open it first.
    for (const exchange of exchanges) if (isStream(exchange)) this.streams.set(exchange.index, openStream(this.wireRequest(exchange)));
    const results: ExchangeResult[] = [];
    for (const exchange of exchanges) results.push(await this.exchange(exchange));
    return results;
  }

  private async exchange(exchange: RecordedExchange): Promise<ExchangeResult> {
    const { request, response } = exchange;
    const endpoint = endpointOf(this.routes, request.method, request.url.pathname);
    const base = { recording: this.recording.name, index: exchange.index, endpoint };
    const stream = this.streams.get(exchange.index);
    if (stream) {
      const received = await stream.close();
      if (process.env['FIDELITY_TRACE']) console.log(`#${exchange.index} stream ${request.url.pathname}\n${received.body}`);
      const refused = received.status !== response.status ? [{ kind: 'status' as const, path: '', real: String(response.status), fake: String(received.status) }] : [];
      return { ...base, answer: 'stream', divergences: refused.length > 0 ? refused : compareStreams(response.body, received, this.pairing()) };
    }
    const wire = this.wireRequest(exchange);
    // A connection the fake server drops is an answer too: status 0, which diverges.
    const answer = await send(wire).catch((): WireResponse => ({ status: 0, headers: {}, body: '' }));
    if (process.env['FIDELITY_TRACE']) console.log(`#${exchange.index} ${wire.method} ${wire.url} ${wire.body?.toString().slice(0, 200) ?? ''}\n   real ${response.status} ${response.body.slice(0, 300)}\n   fake ${answer.status} ${answer.body.slice(0, 300)}`);
    const real = isJsonAnswer(response.headers) ? jsonOf(response.body) : undefined;
    const fake = isJsonAnswer(answer.headers) ? jsonOf(answer.body) : undefined;
    const divergences = this.compare(exchange, real, answer, fake);
    if (response.status < 300 && answer.status < 300) {
      this.ids.learn(real, fake, answerKind(request.url.pathname, real));
      const fakeLinks = linksOf(String(answer.headers['link'] ?? ''));
      for (const [rel, url] of linksOf(response.headers['link'])) {
        const mine = fakeLinks.get(rel);
        if (mine) this.ids.setLink(linkKey(new URL(url)), mine);
      }
    }
    return { ...base, answer: real === undefined ? 'other' : 'json', divergences };
  }

  private compare(exchange: RecordedExchange, real: unknown, answer: WireResponse, fake: unknown): Divergence[] {
    const { response } = exchange;
    if (response.status !== answer.status) return [{ kind: 'status', path: '', real: String(response.status), fake: String(answer.status) }];
    const out: Divergence[] = [];
    if (real !== undefined && fake === undefined) out.push({ kind: 'body', path: '', real: 'json', fake: String(answer.headers['content-type'] ?? 'none') });
    if (real !== undefined && fake !== undefined) {
      out.push(...compareShapes(real, fake, this.pairing()));
      const realError = isObject(real) ? real['error'] : undefined;
      const fakeError = isObject(fake) ? fake['error'] : undefined;
      if (response.status >= 400 && typeof realError === 'string' && realError !== fakeError) {
        out.push({ kind: 'error', path: 'error', real: realError, fake: String(fakeError) });
      }
    }
    const realRels = linkRelations(response.headers['link']).join(',');
    const fakeRels = linkRelations(String(answer.headers['link'] ?? '')).join(',');
    if (realRels !== fakeRels) out.push({ kind: 'link', path: 'Link', real: realRels || 'none', fake: fakeRels || 'none' });
    const realLimit = response.headers['x-ratelimit-limit'];
    const fakeLimit = answer.headers['x-ratelimit-limit'];
    if (realLimit !== undefined && realLimit !== fakeLimit) out.push({ kind: 'rate-limit', path: 'X-RateLimit-Limit', real: realLimit, fake: String(fakeLimit ?? 'none') });
    return out;
  }

  /** Pairs list items by their ids where known, else by what they refer to, else by position. */
  private pairing(): ItemPairing {
    return (real, fake) => this.ids.pair(real, fake, true);
  }

  /** The recorded request with its ids, tokens and links translated, aimed at the fake server. */
  private wireRequest(exchange: RecordedExchange): { method: string; url: string; headers: Record<string, string>; body?: Buffer } {
    const { request } = exchange;
    const kind = routeKind(request.url.pathname);
    const followed = this.ids.link(linkKey(request.url));
    let url: URL;
    if (followed) {
      url = new URL(followed);
    } else {
      const segments = request.url.pathname.split('/');
      const path = segments.map((segment, i) => {
        if (!looksLikeId(segment)) return segment;
        return this.ids.id(kindOfKey(segments[i - 1] ?? ''), segment) ?? segment;
      }).join('/');
      url = new URL(path, this.server.url);
      for (const [key, value] of request.url.searchParams) url.searchParams.append(key, this.translateParam(key, value, kind));
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (!DROPPED_HEADERS.has(name)) headers[name] = value;
    const token = /^Bearer (.+)$/i.exec(headers['authorization'] ?? '')?.[1];
    if (token) headers['authorization'] = `Bearer ${this.ids.secret(token)}`;
    return { method: request.method, url: url.href, headers, ...(request.body ? { body: this.translateBody(exchange, kind) } : {}) };
  }

  /** A form or query parameter, by its name as Rails reads it (`home[last_read_id]`, `media_ids[]`). */
  private translateParam(name: string, value: string, kind: string): string {
    const parts = [...name.matchAll(/[^[\]]+/g)].map((m) => m[0]);
    return this.ids.param(parts[parts.length - 1] ?? name, this.rehost(value), kind, parts[parts.length - 2]);
  }

  private translateBody(exchange: RecordedExchange, kind: string): Buffer {
    const body = exchange.request.body!;
    const type = (exchange.request.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams();
      for (const [key, value] of new URLSearchParams(body.toString('utf8'))) form.append(key, this.translateParam(key, value, kind));
      return Buffer.from(form.toString());
    }
    if (type.startsWith('application/json')) {
      // Numbers are read as their digits (ids past 2^53 stay whole) and written back as numbers.
      const json = jsonOf(quoteJsonNumbers(body.toString('utf8'), '\\u0000number:'));
      if (json === undefined) return body;
      const text = JSON.stringify(this.translateJson(json, kind, undefined, undefined));
      return Buffer.from(text.replace(/"\\u0000number:([^"]*)"/g, '$1'));
    }
    return body;
  }

  private translateJson(value: unknown, kind: string, key: string | undefined, parent: string | undefined): unknown {
    if (Array.isArray(value)) return value.map((item) => this.translateJson(item, kind, key, parent));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.translateJson(v, kind, k, key)]));
    if (key === undefined || typeof value !== 'string') return value;
    const number = value.startsWith(NUMBER_MARK);
    const text = number ? value.slice(NUMBER_MARK.length) : value;
    const translated = this.ids.param(key, this.rehost(text), kind, parent);
    return number ? `${NUMBER_MARK}${translated}` : translated;
  }

  /** A text with the recorded server's host made the fake's. */
  private rehost(text: string): string {
    return text.split(RECORDED_HOST).join(new URL(this.server.url).host);
  }
}
