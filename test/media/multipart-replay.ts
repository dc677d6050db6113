import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePairs, type ParsedParams } from '../../src/testing/index.js';
import type { Interaction } from '../support/cassettes.js';

/** A file part of a multipart body. */
export interface FilePart {
  readonly filename: string;
  readonly type: string;
  readonly data: Uint8Array;
}

/** A request reduced to what matters, multipart bodies included: fields and files apart. */
export interface UploadRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly fields: ParsedParams;
  readonly files: Readonly<Record<string, FilePart>>;
}

/** Fields and files of a body, whatever its encoding. */
export async function partsOf(body: Uint8Array, contentType: string): Promise<{ fields: ParsedParams; files: Record<string, FilePart> }> {
  const files: Record<string, FilePart> = {};
  if (body.length === 0) return { fields: {}, files };
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return { fields: parsePairs(new URLSearchParams(Buffer.from(body).toString('utf8')).entries()), files };
  }
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const pairs: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') pairs.push([name, value]);
    else files[name] = { filename: value.name, type: value.type, data: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields: parsePairs(pairs), files };
}

/** The recorded request of an interaction, its binary body decoded. */
export async function recordedUpload(interaction: Interaction): Promise<UploadRequest> {
  const url = new URL(interaction.request.uri);
  const contentType = interaction.request.headers['content-type'] ?? '';
  const body = Buffer.from(interaction.request.body ?? '', 'latin1');
  return { method: interaction.request.method, path: url.pathname, contentType, ...(await partsOf(body, contentType)) };
}

/** A loopback server answering a cassette's responses in order, keeping every body it receives whole. */
export interface UploadReplayServer {
  readonly url: string;
  readonly received: Promise<UploadRequest>[];
  close(): Promise<void>;
}

/** Starts an {@link UploadReplayServer} for `interactions`. */
export function startUploadReplay(interactions: readonly Interaction[]): Promise<UploadReplayServer> {
  return new Promise((resolve) => {
    const received: Promise<UploadRequest>[] = [];
    let url = '';
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const contentType = req.headers['content-type'] ?? '';
        const path = new URL(req.url ?? '/', url).pathname;
        received.push(partsOf(Buffer.concat(chunks), contentType).then((parts) => ({ method: req.method ?? 'GET', path, contentType, ...parts })));
        const interaction = interactions[received.length - 1];
        if (!interaction) {
          res.writeHead(599).end('{"error":"request beyond the recording"}');
          return;
        }
        const { status, reason, headers, body } = interaction.response;
        res.writeHead(status, reason, { 'content-type': headers['content-type'] ?? 'application/json' })
          .end(body.split('http://localhost:3000').join(url));
      });
    });
    server.listen(0, '127.0.0.1', () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        url, received,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

/** Upload names this library makes up. */
export const RANDOM_UPLOAD_NAME = /^mastodonrxupload_\d+(\.\d+)?_[0-9a-f]{32}\.[a-z0-9]+$/;

/**
 * Asserts that a request is the recorded one: verb, path, encoding, text fields, and each
 * file's field name, type and bytes; generated file names match in form and extension.
 */
export function assertSameUpload(received: UploadRequest, recorded: UploadRequest): void {
  assert.equal(received.method, recorded.method, 'HTTP verb');
  assert.equal(received.path.replace(/\/$/, ''), recorded.path.replace(/\/$/, ''), 'path');
  if (Object.keys(recorded.fields).length + Object.keys(recorded.files).length > 0) {
    assert.equal(received.contentType.split(';')[0], recorded.contentType.split(';')[0], 'encoding');
  }
  assert.deepEqual(received.fields, recorded.fields, 'text fields');
  assert.deepEqual(Object.keys(received.files).sort(), Object.keys(recorded.files).sort(), 'file fields');
  for (const [name, file] of Object.entries(recorded.files)) {
    const sent = received.files[name]!;
    assert.equal(sent.type, file.type, `${name} type`);
    assert.ok(Buffer.from(sent.data).equals(Buffer.from(file.data)), `${name} bytes`);
    assert.match(sent.filename, RANDOM_UPLOAD_NAME, `${name} name`);
    assert.equal(sent.filename.slice(sent.filename.lastIndexOf('.')), file.filename.slice(file.filename.lastIndexOf('.')), `${name} extension`);
  }
}
