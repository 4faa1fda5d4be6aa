import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frozenKnowledgeBase } from '../kb/load.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import type { KbEntry } from '../model/types.js';
import { hostOf, outletOfHost, resolveOutlet } from './outlet.js';

const outlet = (id: string, name: string, sites: string[]): KbEntry => ({ id, name, type: 'ORG', kind: 'media', aliases: [], sites });
const kb = frozenKnowledgeBase([
  outlet('valley-times', 'The Valley Times', ['valleytimes.example']),
  outlet('valley-times-east', 'The Valley Times East', ['east.valleytimes.example']),
], []);

test('a site the KB lists gives its outlet, a subdomain counting as the site and the longest site winning', () => {
  assert.equal(outletOfHost('valleytimes.example', kb), 'The Valley Times');
  assert.equal(outletOfHost('www.valleytimes.example', kb), 'The Valley Times');
  assert.equal(outletOfHost('news.valleytimes.example', kb), 'The Valley Times');
  assert.equal(outletOfHost('east.valleytimes.example', kb), 'The Valley Times East');
});

test('any other site is named by its host without the www', () => {
  assert.equal(outletOfHost('www.hill-gazette.example', kb), 'hill-gazette.example');
  assert.equal(outletOfHost('m.hill-gazette.example', kb), 'hill-gazette.example');
  assert.equal(outletOfHost('127.0.0.1', kb), null);
  assert.equal(outletOfHost('localhost', kb), null);
});

test('the outlet: --source, then what the input states, then the URL', () => {
  const url = 'https://www.valleytimes.example/2024/story';
  assert.equal(resolveOutlet({ given: 'Wire desk', stated: 'Feed title', url }, kb), 'Wire desk');
  assert.equal(resolveOutlet({ stated: '  Feed   title ', url }, kb), 'Feed title');
  assert.equal(resolveOutlet({ url }, kb), 'The Valley Times');
  assert.equal(resolveOutlet({ url: null }, kb), null);
  assert.equal(hostOf('file:///tmp/x.txt'), null);
});

test('the bundled KB knows the sites of the outlets the issue names', () => {
  const bundled = defaultKnowledgeBase();
  assert.equal(resolveOutlet({ url: 'https://www.aljazeera.com/news/2022/4/15/x' }, bundled), 'Al Jazeera');
  assert.equal(resolveOutlet({ url: 'https://balkans.aljazeera.net/vijesti/x' }, bundled), 'Al Jazeera Balkans');
  assert.equal(resolveOutlet({ url: 'https://europeanwesternbalkans.com/2024/02/20/x/' }, bundled), 'European Western Balkans');
});
