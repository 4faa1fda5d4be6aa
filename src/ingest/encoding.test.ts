import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, DecodeError } from './encoding.js';

const latin = 'Ministar odbrane Srbije je rekao da će saradnja sa Alijansom biti nastavljena. Šef države, Đorđe, žuri.';
const cyrillic = 'Министар одбране Србије је рекао да ће сарадња са Алијансом бити настављена.';

test('UTF-8 passes through', () => {
  assert.equal(decodeBytes(Buffer.from(latin)).text, latin);
});

test('Windows-1250 and ISO-8859-2 decode to the right letters', () => {
  assert.equal(decodeBytes(iconv.encode(latin, 'windows-1250')).text, latin);
  assert.equal(decodeBytes(iconv.encode(latin, 'iso-8859-2')).text, latin);
});

test('Windows-1251 decodes Cyrillic', () => {
  const d = decodeBytes(iconv.encode(cyrillic, 'windows-1251'));
  assert.equal(d.text, cyrillic);
  assert.equal(d.encoding, 'windows-1251');
});

test('binary data is refused', () => {
  assert.throws(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), DecodeError);
});
