import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, of } from 'rxjs';
import type { Mastodon } from '../../src/index.js';
import { secureStreamingBase, streamingBaseUrl } from '../../src/streaming/host.js';

function apiNaming(apiBase: string, streaming: unknown): Mastodon {
  return { api_base_url: apiBase, apiRequest: () => of({ urls: { streaming_api: streaming } }) } as unknown as Mastodon;
}

describe('the streaming host', () => {
  it('is never downgraded from TLS: an https API naming ws:// or http:// streams over wss/https', async () => {
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('https://example.social', 'ws://streaming.example'))), 'https://streaming.example');
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('https://example.social', 'http://streaming.example:8080/'))), 'https://streaming.example:8080');
    assert.equal(secureStreamingBase('https://streaming.example', 'https://example.social'), 'https://streaming.example');
  });

  it('stays as named when the API itself is on plain http (a loopback or development server)', async () => {
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('http://127.0.0.1:3000', 'ws://127.0.0.1:4000'))), 'http://127.0.0.1:4000');
  });
});
