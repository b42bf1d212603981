// A file dropped while the tool is still starting (the start-up message is shown, the app's
// own drop handling is not running yet) must not be opened by the browser in place of the
// page: the bootstrap cancels it and asks, in both languages, to drop again. Both modes; the
// start is held back until the drop has been made (hosted: the wasm request waits; file://:
// inflating the embedded wasm waits).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serveDist, MODES, DIST } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Dispatches a drop of one file on the page's body; true when the page cancelled it. */
function dropOnBody(page) {
  return page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['<XrML/>'], 'chain.xml'));
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    return !document.body.dispatchEvent(drop);
  });
}

for (const mode of MODES) {
  test(`${mode}: a file dropped before the app runs is cancelled, with a note to drop again`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let server = null;
    let release;
    const held = new Promise((r) => { release = r; });
    try {
      let url;
      if (mode === 'hosted') {
        server = await serveDist();
        url = server.url;
        await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
      } else {
        url = pathToFileURL(path.join(DIST, 'slc-courier.html')).href;
        await page.addInitScript(() => {
          window.__held = new Promise((r) => { window.__release = r; });
          const arrayBuffer = Response.prototype.arrayBuffer;
          Response.prototype.arrayBuffer = async function () { await window.__held; return arrayBuffer.call(this); };
        });
      }
      await page.goto(url);
      await page.waitForSelector('#boot');
      // The guard is set up by the bootstrap's first lines, before the wasm is loaded.
      await page.waitForFunction(() => !document.getElementById('step-request'));
      assert.equal(await dropOnBody(page), true);
      // One paragraph per language, each marked with its language (as the start-up message).
      assert.deepEqual(
        await page.$$eval('#boot-drop p', (ps) => ps.map((p) => [p.lang, p.textContent])),
        [
          ['en', 'SLC Courier is still starting: drop the file again in a moment.'],
          ['nl', 'SLC Courier start nog: sleep het bestand zo dadelijk opnieuw hierheen.'],
        ],
      );
      assert.equal(await page.getAttribute('#boot-drop', 'role'), 'status');
      assert.equal(new URL(page.url()).pathname.endsWith('chain.xml'), false);
      // A second drop adds no second note.
      assert.equal(await dropOnBody(page), true);
      assert.equal(await page.locator('#boot-drop').count(), 1);
      // Then the app starts as usual, and the start-up message (with the note) is gone.
      release();
      if (mode === 'file') await page.evaluate(() => window.__release());
      await page.waitForSelector('#step-request', { timeout: 30000 });
      assert.equal(await page.locator('#boot').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      release();
      await context.close();
      if (server) await server.close();
    }
  });
}
