import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockText, extractArticle } from './html.js';
import { parseHTML } from 'linkedom';
import { stripTitleSuffix, toIsoDate } from './metadata.js';

const paragraphs = [
  'The regional council voted on Thursday to rebuild the old stone bridge across the Vell river, ending a debate that had lasted nearly four years.',
  'Engineers told the council that the bridge, closed to cars since a flood damaged its eastern pier, could carry light traffic again within eighteen months.',
  'Residents of the two villages it links have crossed by ferry since the closure, a trip that adds almost an hour to the school run.',
  'The council will now ask three firms to bid for the work, with a decision expected before the summer recess.',
];

function page(head: string, body: string, lang = 'en-GB'): string {
  return `<!doctype html><html lang="${lang}"><head>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <article>${body}</article>
    <footer><p>Copyright Vell Valley Herald. All rights reserved.</p></footer></body></html>`;
}

const articleBody =
  `<h1>Council Backs Bridge Rebuild</h1>` +
  `<p>${paragraphs[0]}</p><p>${paragraphs[1]}</p>` +
  `<h2>Ferry &amp; detours</h2><p>${paragraphs[2]}</p>` +
  `<ul><li>Bids open in April.</li><li>Work &ldquo;could&rdquo; start in autumn.</li></ul>` +
  `<figure><img src="b.jpg"><figcaption>The bridge in 1950. Photo: Archive</figcaption></figure>` +
  `<p>${paragraphs[3]}</p>`;

test('extractArticle: paragraphs, headings and list items keep their structure; figures and entities go', () => {
  const head =
    '<title>Council Backs Bridge Rebuild | Vell Valley Herald</title>' +
    '<meta property="og:site_name" content="Vell Valley Herald">' +
    '<meta property="article:published_time" content="2024-03-14T18:05:00+01:00">' +
    '<meta name="author" content="Mira Toth">';
  const article = extractArticle(page(head, articleBody));
  assert.ok(article);
  assert.equal(article.title, 'Council Backs Bridge Rebuild');
  assert.equal(article.byline, 'Mira Toth');
  assert.equal(article.date, '2024-03-14');
  assert.equal(article.language, 'en');
  assert.equal(article.siteName, 'Vell Valley Herald');
  const blocks = article.text.split('\n\n');
  assert.ok(blocks.includes(paragraphs[0]!));
  assert.ok(blocks.includes('Ferry & detours'));
  assert.ok(blocks.includes('Bids open in April.\nWork “could” start in autumn.'));
  assert.ok(article.text.endsWith(paragraphs[3]!));
  assert.ok(!article.text.includes('Photo: Archive'));
  assert.ok(!/&\w+;/.test(article.text));
});

test('extractArticle: date, headline and author from JSON-LD; no <html lang> gives null language', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Herald' },
      { '@type': 'NewsArticle', headline: 'Bridge to Be Rebuilt', datePublished: '2023-11-02T07:00:00Z', author: [{ '@type': 'Person', name: 'Ana Kos' }, { name: 'Ivo Lenz' }] },
    ],
  };
  const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, articleBody).replace(' lang="en-GB"', '');
  const article = extractArticle(html);
  assert.ok(article);
  assert.equal(article.title, 'Bridge to Be Rebuilt');
  assert.equal(article.byline, 'Ana Kos, Ivo Lenz');
  assert.equal(article.date, '2023-11-02');
  assert.equal(article.language, null);
});

test('extractArticle: <time datetime> and the URL are fallbacks for the date', () => {
  const withTime = page('', `<time datetime="2022-06-30">30 June</time>${articleBody}`);
  assert.equal(extractArticle(withTime)?.date, '2022-06-30');
  assert.equal(extractArticle(page('', articleBody), 'https://example.org/2021/05/07/bridge')?.date, '2021-05-07');
});

test('extractArticle: a page without an article gives null', () => {
  assert.equal(extractArticle('<html><body><nav><a href="/">Home</a></nav><p>Page not found.</p></body></html>'), null);
  assert.equal(extractArticle(''), null);
});

test('blockText: <br> breaks a line, <pre> keeps its spacing, inline runs collapse', () => {
  const { document } = parseHTML('<div><p>One  <b>two</b>\n three<br>four</p><pre>a  b</pre><p>left <a href="#">link</a> right</p></div>');
  assert.equal(blockText(document.querySelector('div')!), 'One two three\nfour\n\na b\n\nleft link right');
});

test('stripTitleSuffix: a site tail goes, a headline with a dash stays', () => {
  assert.equal(stripTitleSuffix('Talks Resume in Geneva - Daily Courier', 'Daily Courier'), 'Talks Resume in Geneva');
  assert.equal(stripTitleSuffix('Talks Resume in Geneva | World | Daily Courier'), 'Talks Resume in Geneva');
  assert.equal(stripTitleSuffix('Serbia-NATO: cautious steps'), 'Serbia-NATO: cautious steps');
  assert.equal(stripTitleSuffix('Rivers - and the Towns Beside Them'), 'Rivers - and the Towns Beside Them');
});

test('toIsoDate: the forms publishers use', () => {
  assert.equal(toIsoDate('2019-11-20T04:00:00-06:00'), '2019-11-20');
  assert.equal(toIsoDate('20191120'), '2019-11-20');
  assert.equal(toIsoDate('Wed, 20 Nov 2019 10:00:00 GMT'), '2019-11-20');
  assert.equal(toIsoDate('November 20, 2019'), '2019-11-20');
  assert.equal(toIsoDate('20.11.2019.'), '2019-11-20');
  assert.equal(toIsoDate('soon'), null);
});

test('extractArticle: an HTML fragment without <html> still yields its article', () => {
  const fragment = paragraphs.map((p) => `<p>${p}</p>`).join('');
  assert.equal(extractArticle(fragment)?.text, paragraphs.join('\n\n'));
});
