import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureProblem, isLoopback } from './serve.js';

test('loopback addresses are recognised', () => {
  for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) assert.equal(isLoopback(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.org']) assert.equal(isLoopback(h), false, h);
});

test('listening beyond localhost needs a token', () => {
  assert.equal(exposureProblem('127.0.0.1', null), null);
  assert.match(exposureProblem('0.0.0.0', null)!, /DOSSIER_TOKEN/);
  assert.equal(exposureProblem('0.0.0.0', 'secret'), null);
});
