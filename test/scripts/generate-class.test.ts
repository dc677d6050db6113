import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLASS_FILE, classSource } from '../../scripts/generate-class.js';

describe('the generated Mastodon class', () => {
  const source = classSource();

  it('is the committed src/client/mastodon.ts', () => {
    assert.equal(readFileSync(CLASS_FILE, 'utf8'), source);
  });

  it('passes the client on in one-line bodies, keeping parameters, results, generics and overloads', () => {
    assert.match(source, /\n {2}timelineHome\(options\?: TimelineOptions\): Observable<Page<Status>> \{\n {4}return api\.timelineHome\(this, options\);\n {2}\}/);
    assert.match(source, /\n {2}fetchRemaining<T>\(page: [^)]+\): Observable<T\[\]> \{\n {4}return api\.fetchRemaining\(this, page\);/);
    assert.match(source, /\n {2}fetchNext<R extends object>\(page: ObjectPage<R>\): Observable<ObjectPage<R> \| null>;\n {2}fetchNext\(\.\.\.args: unknown\[\]\): unknown \{\n {4}return Reflect\.apply\(api\.fetchNext, undefined, \[this, \.\.\.args\]\);/);
    assert.match(source, /statusPost\(status: string, options: StatusPostOptions & \{ scheduled_at: Date; \}\): Observable<Status \| ScheduledStatus>;\n {2}statusPost\(status: string, options\?: StatusPostOptions\): Observable<Status>;\n {2}statusPost\(\.\.\.args: unknown\[\]\): unknown \{\n {4}return Reflect\.apply\(api\.statusPost, undefined, \[this, \.\.\.args\]\);/);
    assert.match(source, /\n {2}makePoll\(options: readonly string\[\], expires_in: number, flags\?: MakePollOptions\): PollSpec \{\n {4}return api\.makePoll\(options, expires_in, flags\);/);
  });

  it('makes Mastodon.py\'s statics static, and turns examples into method calls', () => {
    assert.match(source, /\n {2}static createApp\(client_name: string, options\?: CreateAppOptions\)/);
    assert.doesNotMatch(source, /\n {2}createApp\(/);
    assert.match(source, /\n {2}static getSupportedVersion\(\): string/);
    assert.match(source, /\n {2}getSupportedVersion\(\): string/);
    assert.match(source, /@example Mastodon\.createApp\('pytooterapp'/);
    assert.match(source, /@example api\.timelineHome\(\{ limit: 40 \}\)/);
    assert.match(source, /@example api\.statusPost\('Tea or coffee\?', \{ poll: api\.makePoll\(\['tea', 'coffee'\], 3600\) \}\)/);
    assert.doesNotMatch(source, /\(client[,)]/);
  });
});
