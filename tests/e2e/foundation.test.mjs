// Issue 2: both builds load, a dropped file is hashed on the page, and nothing but the
// page's own origin is requested.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, sha256, data, ownOrigin, MODES, DIST } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const mode of MODES) {
  test(`${mode}: dropping a file shows its name, size and SHA-256, with no foreign request`, async () => {
    const app = await openApp(browser, mode);
    try {
      const file = data('request/good/RMS01EnrollRequest.xml');
      await dropFile(app.page, '#request-drop', file);
      await app.page.waitForSelector('#request-sha256');
      assert.equal(await app.page.textContent('#request-sha256'), await sha256(file));
      assert.equal(await app.page.textContent('#request-name'), 'RMS01EnrollRequest.xml');
      assert.equal(await app.page.textContent('#request-size'), `${fs.statSync(file).size} bytes`);
      assert.equal(await app.page.locator('#local-mode').count(), mode === 'file' ? 1 : 0);
      const foreign = app.requests.filter((u) => !ownOrigin(app.base, u));
      assert.deepEqual(foreign, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: the file picker (keyboard twin of the drop zone) reads raw bytes`, async () => {
    const app = await openApp(browser, mode);
    try {
      const file = data('request/bad/utf16-encoded.xml');
      await app.page.setInputFiles('#request-drop-input', file);
      await app.page.waitForSelector('#request-sha256');
      assert.equal(await app.page.textContent('#request-sha256'), await sha256(file));
      assert.equal(await app.page.getAttribute('#request-result', 'data-status'), 'fail');
    } finally {
      await app.close();
    }
  });
}

test('the single file is self-contained: no src= or href= to other files', () => {
  const html = fs.readFileSync(path.join(DIST, 'slc-courier.html'), 'utf8');
  assert.equal(/<script[^>]+src=/.test(html), false);
  assert.equal(/<link[^>]+href=/.test(html), false);
  const [hash] = fs.readFileSync(path.join(DIST, 'slc-courier.html.sha256'), 'utf8').split(/\s+/);
  return import('node:crypto').then((c) => assert.equal(c.createHash('sha256').update(fs.readFileSync(path.join(DIST, 'slc-courier.html'))).digest('hex'), hash));
});

test('without WebAssembly the page explains itself instead of going blank', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
  const page = await context.newPage();
  try {
    await page.goto('file://' + path.join(DIST, 'slc-courier.html'));
    await page.waitForTimeout(500);
    const text = await page.textContent('body');
    assert.match(text, /this browser cannot run the tool: it needs WebAssembly/);
    assert.deepEqual(
      await page.$$eval('#boot p[lang="nl"]', (ps) => ps.map((p) => p.textContent)),
      [
        'SLC Courier start…',
        'Blijft dit bericht staan, dan kan deze browser het hulpmiddel niet uitvoeren: het heeft WebAssembly nodig (Edge, Chrome of Firefox van 2018 of later; niet Internet Explorer), en scripts moeten zijn toegestaan.',
      ],
    );
  } finally {
    await context.close();
  }
});

test('without DecompressionStream the single file says what it needs', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete globalThis.DecompressionStream; });
  const page = await context.newPage();
  try {
    await page.goto('file://' + path.join(DIST, 'slc-courier.html'));
    await page.waitForFunction(() => /cannot unpack the tool/.test(document.body.textContent));
    assert.deepEqual(
      await page.$$eval('#boot p', (ps) => ps.map((p) => [p.lang, p.textContent])),
      [
        ['en', 'SLC Courier needs a browser from 2023 or later (Edge, Chrome 80+, Firefox 113+): this one cannot unpack the tool.'],
        ['nl', 'SLC Courier heeft een browser van 2023 of later nodig (Edge, Chrome 80+, Firefox 113+): deze kan het hulpmiddel niet uitpakken.'],
      ],
    );
  } finally {
    await context.close();
  }
});
