import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CatchUpState } from '../../src/streaming/catch-up.js';
import type { StreamEvent } from '../../src/index.js';

const update = (id: string): StreamEvent => ({ type: 'update', event: 'update', stream: ['user'], payload: { id } }) as unknown as StreamEvent;
const notification = (id: string): StreamEvent => ({ type: 'notification', event: 'notification', stream: ['user'], payload: { id } }) as unknown as StreamEvent;

describe('CatchUpState', () => {
  it('accepts an update or notification once, each kind with ids of its own, and moves the cursors forward', () => {
    const state = new CatchUpState([]);
    assert.equal(state.accept(update('109')), true);
    assert.equal(state.accept(update('109')), false);
    assert.equal(state.accept(notification('109')), true);
    assert.equal(state.accept(update('108')), true);
    assert.equal(state.cursor('update'), '109');
    assert.equal(state.accept(update('1000')), true);
    assert.equal(state.cursor('update'), '1000');
    assert.equal(state.accept({ type: 'delete', event: 'delete', stream: ['user'], payload: '109' }), true);
    assert.equal(state.accept({ type: 'delete', event: 'delete', stream: ['user'], payload: '109' }), true);
  });

  it('remembers the last 5,000 ids of a kind, forgetting the oldest first', () => {
    const state = new CatchUpState([]);
    for (let i = 0; i < 5000; i++) assert.equal(state.accept(update(String(i))), true);
    assert.equal(state.accept(update('0')), false);
    assert.equal(state.accept(update('5000')), true);  // pushes out '0'
    assert.equal(state.accept(update('1')), false);
    assert.equal(state.accept(update('0')), true);  // forgotten, so new again; pushes out '1'
    assert.equal(state.accept(update('1')), true);
    assert.equal(state.accept(update('4999')), false);
  });
});

describe('CatchUpState with events a hostile server sends', () => {
  it('passes on an event without a string id, never throwing, and leaves it out of the bookkeeping', () => {
    const state = new CatchUpState([]);
    const noId = { type: 'update', event: 'update', stream: ['user'], payload: {} } as unknown as StreamEvent;
    const objectId = { type: 'notification', event: 'notification', stream: ['user'], payload: { id: { toString: 1 } } } as unknown as StreamEvent;
    assert.equal(state.accept(noId), true);
    assert.equal(state.accept(noId), true);
    assert.equal(state.accept(objectId), true);
    assert.equal(state.cursor('update'), undefined);
    assert.equal(state.cursor('notification'), undefined);
  });
});
