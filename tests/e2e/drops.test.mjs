// Issue 14: files dropped anywhere on the page, or several at once, go to the step they belong
// to by their content (request → step 1, XrML chain → step 4, X.509 root → step 2), or are
// refused with a message; the page never lets the browser open a dropped file in its place.
// The pickers offer every kind of file the tool reads; copy buttons confirm. Both modes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, dropFiles, data, MODES, SHARED } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(mode, opts) {
  const app = await openApp(browser, mode, opts);
  await app.page.clock.setFixedTime(NOW);
  return app;
}

/** The GTE root as DER (a .cer as Windows exports it), or null without ../shared. */
function gteDer() {
  const pem = path.join(SHARED, 'roots/gte-cybertrust-global-root.pem');
  if (!fs.existsSync(pem)) {
    assert.ok(!process.env.CI, 'CI: ../shared/vectors is missing');
    return null;
  }
  const text = fs.readFileSync(pem, 'utf8');
  const b64 = text.split('-----BEGIN CERTIFICATE-----')[1].split('-----END CERTIFICATE-----')[0].replace(/\s+/g, '');
  return Buffer.from(b64, 'base64');
}

async function notices(page) {
  return page.$$eval('#drop-notices li', (els) => els.map((e) => [e.dataset.outcome, e.textContent]));
}

for (const mode of MODES) {
  test(`${mode}: a request and a chain dropped together go to steps 1 and 4`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await page.click('#anchor summary');
      await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
      await page.waitForSelector('#anchor-custom');
      // Onto step 1's drop zone: two files are not "the" request, so both are routed.
      const r = await dropFiles(page, '#request-drop', [
        { path: data('chain/good/sha1-compact.xml'), name: 'RMS01-chain.xml' },
        { path: data('request/good/RMS01EnrollRequest.xml') },
      ]);
      assert.deepEqual(r, { enter: true, over: true, drop: true });
      await page.waitForSelector('#drop-notices li');
      await page.waitForSelector('#verdict[data-verdict="answers-request"]');
      assert.equal(await page.textContent('#request-name'), 'RMS01EnrollRequest.xml');
      assert.equal(await page.textContent('#chain-name'), 'RMS01-chain.xml');
      assert.deepEqual(await notices(page), [
        ['chain', 'RMS01-chain.xml holds XrML certificates: loaded in step 4.'],
        ['request', 'RMS01EnrollRequest.xml is a request: loaded in step 1.'],
      ]);
      assert.equal(await page.getAttribute('#drop-notices [role="status"]', 'role'), 'status');
      // Two requests at once: either could be the one meant, so neither is loaded.
      await dropFiles(page, 'body', [
        { path: data('request/good/RMS02EnrollRequest.xml') },
        { path: data('request/good/RMS03EnrollRequest.xml') },
      ]);
      await page.waitForFunction(() => document.querySelectorAll('#drop-notices li[data-outcome="twice"]').length === 2);
      assert.equal(await page.textContent('#request-name'), 'RMS01EnrollRequest.xml');
      assert.match((await notices(page))[0][1], /^RMS02EnrollRequest\.xml was not loaded: more than one of the files dropped together is for step 1/);
      await page.click('#drop-notices-dismiss');
      assert.equal(await page.locator('#drop-notices li').count(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: a file dropped outside the drop zones goes where it belongs; others are refused and the page stays`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      const url = page.url();
      const der = gteDer();
      if (der) {
        const r = await dropFiles(page, 'footer', [{ buffer: der, name: 'GTE CyberTrust Global Root.cer' }]);
        assert.deepEqual(r, { enter: true, over: true, drop: true }, 'the drop is cancelled at the document');
        await page.waitForSelector('#root-result');
        assert.equal(await page.textContent('#root-recognised'), 'GTE CyberTrust Global Root');
        assert.deepEqual(await notices(page), [['root', 'GTE CyberTrust Global Root.cer is an X.509 certificate: inspected in step 2 as a root certificate.']]);
      }
      // A single request dropped on the heading of step 4 (not a zone) still goes to step 1.
      await dropFiles(page, '#h-verify', [{ path: data('request/good/RMS01EnrollRequest.xml') }]);
      await page.waitForSelector('#request-result[data-status="pass"]');
      assert.equal(await page.locator('#chain-result').count(), 0);

      // A screenshot: refused, in words; nothing is loaded or replaced, the page is still there.
      const r = await dropFiles(page, 'body', [{ path: data('request/bad/binary-file.xml'), name: 'screenshot.png', type: 'image/png' }]);
      assert.deepEqual(r, { enter: true, over: true, drop: true });
      await page.waitForSelector('#drop-notices li[data-outcome="refused"]');
      assert.match(await page.textContent('#drop-notices li'), /^screenshot\.png was not loaded: it is a PNG image\. This page reads the exported request \(step 1\), a root certificate \(step 2\) and the downloaded certificate chain \(step 4\)\.$/);
      assert.equal(await page.textContent('#request-name'), 'RMS01EnrollRequest.xml');
      assert.equal(page.url(), url);
      // A private key and an anchor key file: refused with their own advice.
      await dropFiles(page, 'main', [
        { path: data('keys/test-root.pem') },
        { path: data('chain/test-root.xrml-key.txt') },
      ]);
      await page.waitForFunction(() => document.querySelectorAll('#drop-notices li').length === 2);
      const [key, anchor] = await notices(page);
      assert.match(key[1], /it is a private key \(RSA PRIVATE KEY\)\. This page never needs a private key/);
      assert.match(anchor[1], /it is a root key file\. It changes which root the verdict trusts/);
      assert.equal(await page.locator('#anchor-custom').count(), 0, 'an anchor is never taken from a drop');
      // In Dutch, the same notices are reworded.
      await page.selectOption('#lang', 'nl');
      assert.match(await page.textContent('#drop-notices li'), /^test-root\.pem is niet geladen: het is een privésleutel/);
      // Text dragged within the page is left alone (no files: not cancelled).
      const text = await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', 'hello');
        return !document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      assert.equal(text, false);
      assert.equal(page.url(), url);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: a single file dropped on a zone stays there (the step diagnoses it); the inspect zone takes many`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await dropFile(page, '#request-drop', data('chain/good/sha1-compact.xml'));
      await page.waitForSelector('#request-result');
      assert.equal(await page.locator('#drop-notices li').count(), 0);
      assert.equal(await page.locator('#chain-result').count(), 0);
      await dropFiles(page, '#inspect-drop', [
        { path: data('workbench/mode2/slc.xml') },
        { path: data('workbench/mode2/clc-response.xml') },
      ]);
      await page.waitForSelector('#inspect-table tbody tr');
      assert.equal(await page.locator('#drop-notices li').count(), 0);
      assert.equal(await page.locator('#chain-result').count(), 0);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: every picker offers the files the tool reads`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      const accepts = await page.$$eval('input[type=file]', (els) => Object.fromEntries(els.map((e) => [e.id, e.accept])));
      for (const id of ['request-drop-input', 'root-drop-input', 'chain-drop-input', 'anchor-input']) {
        const a = accepts[id].split(',');
        for (const ext of ['.xml', '.htm', '.html', '.txt', '.cer', '.crt', '.pem', '.der', '.bin']) {
          assert.ok(a.includes(ext), `${id} offers ${ext}`);
        }
      }
      assert.equal(accepts['inspect-input'], '', 'the inspect picker shows every file');
    } finally {
      await app.close();
    }
  });

  test(`${mode}: copy buttons copy a runnable command and say "Copied"`, async () => {
    const app = await open(mode);
    const { page, context } = app;
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const button = '#copy-gte-root-in-store';
      assert.equal(await page.textContent(button), 'Copy command');
      await page.click(button);
      const said = `${button} + .copy-said`;
      await page.waitForFunction((s) => document.querySelector(s).textContent === 'Copied', said);
      assert.equal(await page.getAttribute(said, 'role'), 'status');
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clip, 'certutil -verifystore Root 97817950d81c9670cc34d809cf794431367ef474');
      assert.equal(await page.textContent('#copy-add-trusted-site'), 'Copy address');
      await page.selectOption('#lang', 'nl');
      await page.click('#copy-trusted-sites-zone');
      await page.waitForFunction(() => document.querySelector('#copy-trusted-sites-zone + .copy-said').textContent === 'Gekopieerd');
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^reg query /);
      // Refused by the browser: said so, in words.
      await context.clearPermissions();
      await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
      await page.click('#copy-current-roots-in-store');
      await page.waitForFunction(() => /^Niet gekopieerd/.test(document.querySelector('#copy-current-roots-in-store + .copy-said').textContent));
    } finally {
      await app.close();
    }
  });
}
