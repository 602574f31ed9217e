// End-to-end: shared links restore the view, history walks the reader's steps, and the widget is
// a good guest in a news page (sizing, sandbox, cross-origin messages, power).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, distUrl, root, serve, sleep, distDir } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a link with a hash opens on exactly that view', async () => {
  const hash = '#v=1&view=matrix&sel=org:inria&lang=fr&theme=dark&q=inr&ax=models,evaluation&multi=1&sort=projects-desc';
  const { page } = await openPage(browser.context, distUrl('explorer.html') + hash, { locale: 'en-GB' });
  await waitReady(page);
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.view, 'matrix');
  assert.equal(state.selection, 'org:inria');
  assert.equal(state.lang, 'fr');
  assert.equal(state.theme, 'dark');
  assert.equal(state.search, 'inr');
  assert.deepEqual(state.filters.axes, ['models', 'evaluation']);
  assert.equal(state.filters.multiProject, true);
  assert.deepEqual(state.sort, { column: 'projects', descending: true });
  await page.close();
});

test('a camera in the link is restored, and a copied state reopens identically', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html') + '#view=network&cam=1.6,120,-40&sel=project:scribe', { locale: 'en-GB' });
  await waitReady(page);
  const state = await page.evaluate(() => window.explorer.getState());
  assert.deepEqual(state.camera, { zoom: 1.6, x: 120, y: -40 });
  const url = page.url();
  assert.match(url, /cam=1\.6,120,-40/);
  const second = await openPage(browser.context, url, { locale: 'en-GB' });
  await waitReady(second.page);
  assert.deepEqual(await second.page.evaluate(() => window.explorer.getState()), state);
  await page.close();
  await second.page.close();
});

test('select, switch view, then back and forward walk through those steps', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html'), { locale: 'en-GB' });
  await waitReady(page);
  await page.evaluate(() => window.explorer.select('org:cnrs'));
  await page.waitForFunction(() => location.hash.includes('sel=org:cnrs'));
  await page.evaluate(() => window.explorer.setView('table'));
  await page.waitForFunction(() => location.hash.includes('view=table'));
  await page.goBack();
  await page.waitForFunction(() => window.explorer.getState().view === 'network');
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'org:cnrs');
  await page.goBack();
  await page.waitForFunction(() => window.explorer.selection() === null);
  await page.goForward();
  await page.waitForFunction(() => window.explorer.selection() === 'org:cnrs');
  await page.close();
});

test('a long pan writes the address a few times a second, and ends on the view it left', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html') + '#view=network', { viewport: { width: 1000, height: 700 } });
  await waitReady(page);
  await sleep(1500);
  await page.evaluate(() => {
    window.__replaced = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { window.__replaced++; return replace(...args); };
  });
  // 120 pointer moves, each waited for until a frame shows it: a pan of a second or two.
  await page.mouse.move(600, 350);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(600 + (i % 60) * 3, 350 + Math.floor(i / 60) * 40);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  }
  await page.mouse.up();
  const seconds = (Date.now() - started) / 1000;
  await sleep(600);
  const { replaced, camera, href } = await page.evaluate(() => ({
    replaced: window.__replaced, camera: window.explorer.getState().camera, href: location.href }));
  // About four writes a second, and one after the last move; a write per frame would be 120 or more.
  assert.ok(replaced >= 1 && replaced <= Math.ceil(seconds * 4) + 3, `${replaced} address writes in ${seconds.toFixed(1)} s`);
  assert.ok(camera && camera.x !== 0, 'the pan moved the camera');
  // The address holds the view the pan ended on: opened again, it shows the same camera.
  const again = await openPage(browser.context, href, { viewport: { width: 1000, height: 700 } });
  await waitReady(again.page);
  assert.deepEqual(await again.page.evaluate(() => window.explorer.getState().camera), camera);
  await again.page.close();
  await page.close();
});

test('a hostile or broken link is ignored piece by piece, with a quiet notice, and nothing crashes', async () => {
  const hostile = '#v=1&view=<script>alert(1)</script>&sel=org:inria&lang=xx&cam=NaN,1e999,abc&q=%E0%A4%A&zzz=1&' + 'a'.repeat(20000);
  const { page, consoleErrors } = await openPage(browser.context, distUrl('explorer.html') + hostile, { locale: 'en-GB' });
  await waitReady(page);
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.view, 'network', 'bad view ignored');
  assert.equal(state.selection, 'org:inria', 'the valid part still applies');
  assert.equal(state.camera, null);
  assert.deepEqual(consoleErrors, []);
  writeFileSync(join(shots, 'hostile-link.png'), await page.screenshot());
  // An id the dataset does not have is dropped too.
  await page.evaluate(() => { location.hash = '#sel=org:does-not-exist&view=table'; });
  await page.waitForFunction(() => window.explorer.getState().view === 'table');
  assert.equal(await page.evaluate(() => window.explorer.selection()), null);
  await page.close();
});

test('setState takes any part of the state, ignores bad keys, and statechange reports changes', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html'), { locale: 'en-GB' });
  await waitReady(page);
  const result = await page.evaluate(() => {
    const seen = [];
    window.explorer.on('statechange', (s) => seen.push(s.view));
    const notices = window.explorer.setState({ view: 'projects', colour: 'red', lang: 42 });
    return new Promise((resolve) => setTimeout(() => resolve({ notices, seen, state: window.explorer.getState() }), 300));
  });
  assert.equal(result.state.view, 'projects');
  assert.deepEqual(result.notices.map((n) => n.key).sort(), ['colour', 'lang']);
  assert.ok(result.seen.includes('projects'));
  await page.close();
});

test('idle: no frames are drawn once nothing moves, and input wakes the widget at once', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html'), { viewport: { width: 1000, height: 700 } });
  await waitReady(page);
  await sleep(1500); // layout settles, last frames after start
  const before = await page.evaluate(() => window.explorer.frames());
  await sleep(3000);
  const after = await page.evaluate(() => window.explorer.frames());
  assert.equal(after - before, 0, `frames drawn while idle: ${after - before}`);
  await page.mouse.move(500, 400);
  await page.mouse.move(520, 410);
  await sleep(300);
  assert.ok((await page.evaluate(() => window.explorer.frames())) > after, 'input wakes it');
  await page.close();
});

test('offscreen in an article: no frames while scrolled out of view', async () => {
  const { page } = await openPage(browser.context, distUrl('embed-example.html'), { viewport: { width: 800, height: 700 } });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await waitReady(frame);
  await page.evaluate(() => document.querySelector('iframe').scrollIntoView());
  await sleep(1000);
  // Push the widget far out of view, then watch it while the reader scrolls the rest of the page.
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.appendChild(spacer);
    window.scrollTo(0, document.body.scrollHeight);
  });
  await sleep(500);
  const before = await frame.evaluate(() => window.explorer.frames());
  await frame.evaluate(() => window.explorer.setView('matrix')); // a host call while hidden
  await sleep(2000);
  const after = await frame.evaluate(() => window.explorer.frames());
  assert.equal(after - before, 0, `frames drawn offscreen: ${after - before}`);
  await page.evaluate(() => document.querySelector('iframe').scrollIntoView());
  await frame.waitForFunction((n) => window.explorer.frames() > n, after, { timeout: 5000 });
  await page.close();
});

test('embed example at 320, 640 and 1200 px: the widget fills the column, sends its height', async () => {
  for (const width of [320, 640, 1200]) {
    const { page } = await openPage(browser.context, distUrl('embed-example.html'), { viewport: { width, height: 900 } });
    const heights = [];
    await page.exposeFunction('recordHeight', (h) => heights.push(h));
    await page.evaluate(() => window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'explorer:height') window.recordHeight(e.data.height);
    }));
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await waitReady(frame);
    const sizes = await page.evaluate(() => {
      const iframe = document.querySelector('iframe');
      const canvas = iframe.contentDocument.getElementById('explorer-canvas');
      return { iframe: iframe.getBoundingClientRect().width, canvas: canvas.getBoundingClientRect().width,
               page: document.documentElement.scrollWidth, dpr: devicePixelRatio, backing: canvas.width };
    });
    assert.ok(sizes.page <= width, `no horizontal overflow at ${width}`);
    assert.equal(Math.round(sizes.canvas), Math.round(sizes.iframe));
    assert.equal(sizes.backing, Math.round(sizes.canvas * sizes.dpr));
    await frame.evaluate(() => window.explorer.setState({ selection: null }));
    writeFileSync(join(shots, `embed-${width}.png`), await page.screenshot());
    await page.close();
  }
});

test('script-tag embed: the loader builds a sized iframe with the options it was given', async () => {
  const host = `<!doctype html><meta charset="utf-8"><body style="margin:0">
    <div style="max-width:600px"><div id="slot" data-explorer-src="explorer.html" data-lang="fr" data-view="matrix"></div></div>
    <script src="embed.js"></script></body>`;
  const server = await serve(distDir, { '/host.html': host });
  const { page } = await openPage(browser.context, `http://127.0.0.1:${server.port}/host.html`);
  const frame = await (await page.waitForSelector('#slot iframe')).contentFrame();
  await waitReady(frame);
  const state = await frame.evaluate(() => window.explorer.getState());
  assert.equal(state.lang, 'fr');
  assert.equal(state.view, 'matrix');
  await page.waitForFunction(() => document.querySelector('#slot iframe').style.height !== '600px', null, { timeout: 5000 })
    .catch(() => {});
  const height = await page.evaluate(() => document.querySelector('#slot iframe').getBoundingClientRect().height);
  assert.ok(height >= 400, `iframe height ${height}`);
  await page.close();
  await server.close();
});

test('cross-origin parent drives the widget by postMessage; sandboxed iframe works without same-origin', async () => {
  const host = `<!doctype html><meta charset="utf-8"><body>
    <iframe id="w" sandbox="allow-scripts" style="width:800px;height:600px;border:0"></iframe>
    <script>
      window.replies = [];
      window.addEventListener('message', (e) => { if (e.data && e.data.type) window.replies.push(e.data); });
      document.getElementById('w').src = location.href.replace('localhost', '127.0.0.1').replace('host.html', 'explorer.html');
    </script></body>`;
  const server = await serve(distDir, { '/host.html': host });
  const { page, requests } = await openPage(browser.context, `http://localhost:${server.port}/host.html`);
  await page.waitForFunction(() => window.replies.some((m) => m.type === 'explorer:height'), null, { timeout: 30000 });
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage(
    { type: 'explorer:setState', state: { view: 'table', selection: 'org:bnf' }, requestId: 7 }, '*'));
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage('garbage', '*'));
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage({ type: 'explorer:getState', requestId: 8 }, '*'));
  await page.waitForFunction(() => window.replies.some((m) => m.type === 'explorer:state' && m.requestId === 8), null, { timeout: 5000 });
  const state = await page.evaluate(() => window.replies.find((m) => m.type === 'explorer:state').state);
  assert.equal(state.view, 'table');
  assert.equal(state.selection, 'org:bnf');
  // The change is reported after the frame that shows it.
  await page.waitForFunction(() => window.replies.some((m) => m.type === 'explorer:statechange' && m.state.view === 'table'),
    null, { timeout: 5000 });
  for (const url of requests) assert.ok(/^http:\/\/(localhost|127\.0\.0\.1):/.test(url), `request to another host: ${url}`);
  await page.close();
  await server.close();
});

test('options by URL parameters: lang, theme, view, sel; interactive=0 is a static picture', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html') + '?lang=fr&theme=dark&view=projects&sel=project:scribe&interactive=0',
    { viewport: { width: 900, height: 700 }, locale: 'en-GB' });
  await waitReady(page);
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.lang, 'fr');
  assert.equal(state.theme, 'dark');
  assert.equal(state.view, 'projects');
  assert.equal(state.selection, 'project:scribe');
  assert.equal(page.url().includes('#'), false, 'the page defaults are not written into the link');
  // A static picture takes no input: a click on an entity changes nothing.
  const rect = await page.evaluate(() => window.explorer.locate('org:lighton'));
  assert.ok(rect);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await sleep(300);
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'project:scribe');
  writeFileSync(join(shots, 'static-picture.png'), await page.screenshot());
  await page.close();
});

test('scrollytelling example: scrolling past the paragraphs drives the widget', async () => {
  const { page } = await openPage(browser.context, distUrl('scrolly-example.html'), { viewport: { width: 1100, height: 800 } });
  const frame = await (await page.waitForSelector('#graphic')).contentFrame();
  await waitReady(frame);
  const steps = await page.$$('.step');
  await steps[1].scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 1));
  await frame.waitForFunction(() => window.explorer.selection() === 'project:openllm-france', null, { timeout: 5000 });
  await steps[2].scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 1));
  await frame.waitForFunction(() => window.explorer.getState().view === 'matrix', null, { timeout: 5000 });
  assert.equal((await frame.evaluate(() => window.explorer.getState())).filters.multiProject, true);
  writeFileSync(join(shots, 'scrolly-step3.png'), await page.screenshot());
  await page.close();
});
