import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestScheduler } from 'rxjs/testing';
import { afterFirst } from '../../src/streaming/hand-over.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));

describe('hand-over helpers', () => {
  it("afterFirst follows the first value only, with the second's values, errors and completion", () => {
    const seen: string[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const first = cold('-x-y|');
      expectObservable(afterFirst(first, (v) => { seen.push(v); return cold('a-#'); })).toBe('-a-#');
      expectObservable(afterFirst(cold('|'), () => cold('a|'))).toBe('|');
      expectObservable(afterFirst(cold('--#'), () => cold('a|'))).toBe('--#');
    });
    assert.deepEqual(seen, ['x']);
  });

  it('afterFirst leaves the first at its value, like take(1), and the second when the subscriber leaves', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const first = hot('--x----');
      const second = cold('a-b-c-d');
      expectObservable(afterFirst(first, () => second), '^----!').toBe('--a-b');
      expectSubscriptions(first.subscriptions).toBe('^-!');
      expectSubscriptions(second.subscriptions).toBe('--^--!');
    });
  });

  it('a second that cannot be made is the subscriber\'s error, not an uncaught one', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const broken = (): never => { throw new Error('no connector'); };
      expectObservable(afterFirst(cold('-x|'), broken)).toBe('-#', undefined, new Error('no connector'));
    });
  });
});
