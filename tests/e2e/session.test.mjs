// Issue 12: the page is one session. For every order a person can take — request → chain →
// other request → back; chain → request; chain alone; anchor changed after verifying; file
// replaced or removed — `#verdict[data-verdict]`, the visible headline and the downloaded JSON
// receipt always describe the current inputs. Both modes (http://127.0.0.1 and file://).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, sha256, data, MODES } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
const GOOD_REQ = data('request/good/RMS01EnrollRequest.xml');
const OTHER_KEY = data('chain/attack/RMS01-other-key-EnrollRequest.xml');
const GOOD_CHAIN = data('chain/good/sha1-compact.xml');
const TAMPERED = data('chain/bad/tampered-signature.xml');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(mode) {
  const app = await openApp(browser, mode);
  await app.page.clock.setFixedTime(NOW);
  return app;
}

async function useTestAnchor(page) {
  await page.click('#anchor summary');
  await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
  await page.waitForSelector('#anchor-custom');
}

async function loadRequest(page, file, name = path.basename(file)) {
  await dropFile(page, '#request-drop', file, name);
  await page.waitForFunction((n) => document.querySelector('#request-name')?.textContent === n, name);
}

async function loadChain(page, file, name = path.basename(file)) {
  await dropFile(page, '#chain-drop', file, name);
  await page.waitForFunction((n) => document.querySelector('#chain-name')?.textContent === n, name);
}

async function receipt(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

const HEADLINES = {
  'answers-request': (req) => new RegExp(`^PASS VALID — a genuine chain \\(test anchor\\) that answers request ${req.replace('.', '\\.')}$`),
  'genuine-unpaired': () => /^WARN Genuine chain, NOT checked against a request: load the request in step 1 before you carry it back$/,
  'not-valid': () => /^FAIL NOT VALID — do not carry this file back$/,
};

/** Asserts the verdict on screen and in the receipt for the current inputs. */
async function expectVerdict(page, outcome, { request = null, chain, reason = null }) {
  await page.waitForSelector(`#verdict[data-verdict="${outcome}"]`);
  const headline = (await page.textContent('#verdict-headline')).trim();
  assert.match(headline, HEADLINES[outcome](request ? path.basename(request) : ''));
  const verdictText = await page.textContent('#verdict');
  assert.doesNotMatch(verdictText, /Microsoft/, 'a test-anchor verdict never says Microsoft');
  if (reason) {
    assert.equal(await page.getAttribute('#verdict-reason', 'data-code'), reason);
  } else {
    assert.equal(await page.locator('#verdict-reason').count(), 0);
  }
  const valid = outcome === 'answers-request';
  assert.equal(await page.locator('#expiry-date').count(), outcome === 'not-valid' ? 0 : 1);
  assert.equal(await page.locator('#next-steps').count(), valid ? 1 : 0);
  assert.equal(await page.getAttribute('#nav-verify', 'data-mark'), valid ? 'done' : outcome === 'not-valid' ? 'problem' : 'open');

  const r = await receipt(page);
  assert.equal(r.schema, 'slc-courier-receipt/2');
  assert.equal(r.verdict.outcome, outcome);
  assert.equal(r.verdict.valid, valid);
  assert.equal(r.verdict.reason ?? null, reason);
  assert.equal(r.certificate.sha256, await sha256(chain));
  if (request) {
    assert.equal(r.request.sha256, await sha256(request));
    assert.equal(r.pairing.request_key, r.request_report.summary.key.fingerprint);
    assert.equal(r.pairing.key_matches, outcome === 'answers-request' || reason !== 'pair-key-mismatch');
  } else {
    assert.equal(r.request, null);
    assert.equal(r.pairing, null);
  }
  if (outcome === 'not-valid') assert.equal(r.verdict.expires, null);
  else assert.equal(r.verdict.expires, '2046-06-18T10:00Z');
  return r;
}

for (const mode of MODES) {
  test(`${mode}: request → chain → other request → back, with the far-side check and checklist`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await loadRequest(page, GOOD_REQ);
      assert.equal(await page.locator('#verdict').count(), 0);
      assert.equal(await page.getAttribute('#nav-request', 'data-mark'), 'done');
      await loadChain(page, GOOD_CHAIN);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      assert.equal(await page.textContent('#carry-name'), 'sha1-compact.xml');
      assert.equal(await page.textContent('#carry-sha256'), await sha256(GOOD_CHAIN));
      assert.match(await page.textContent('#carry-command'), /Get-FileHash -Algorithm SHA256 -LiteralPath 'sha1-compact.xml'\ncertutil -hashfile "sha1-compact.xml" SHA256/);
      assert.match(await page.textContent('#next-steps'), /click Renew.*Browse.*Import.*Yes/s);
      // An enrollment request: the renewal steps come with a note saying so.
      assert.match(await page.textContent('#enrollment-steps-note'), /first enrollment/);

      await loadRequest(page, OTHER_KEY);
      await expectVerdict(page, 'not-valid', { request: OTHER_KEY, chain: GOOD_CHAIN, reason: 'pair-key-mismatch' });
      assert.match(await page.textContent('#verdict-reason'), /issued for a different server key/);
      assert.match(await page.textContent('#claimed-expiry'), /claimed.*2046-06-18/);

      await loadRequest(page, GOOD_REQ);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });

      // The far-side check per file: Get-FileHash for the chain only.
      const h = (await sha256(GOOD_CHAIN)).toUpperCase();
      await page.fill('#far-side', `Algorithm       Hash       Path\nSHA256          ${h}       C:\\Users\\admin\\sha1-compact.xml`);
      assert.deepEqual(await page.$$eval('#far-side-result li', (l) => l.map((x) => x.dataset.result)), ['not-in-pasted-text', 'matches']);
      await page.check('#manual-checks input[data-item="2"]');
      const r = await receipt(page);
      assert.deepEqual(r.far_side, { request: 'not-in-pasted-text', certificate: 'matches' });
      assert.equal(r.checklist.length, 1);
      assert.match(r.checklist[0], /GTE CyberTrust/);
      const [html] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
      const printable = fs.readFileSync(await html.path(), 'utf8');
      assert.match(printable, /Next, on the RMS server/);
      assert.match(printable, /certificate sha1-compact\.xml: <strong>matches<\/strong>/);
      assert.equal(await page.getAttribute('#nav-receipt', 'data-mark'), 'done');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: chain → request, and chain alone`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await loadChain(page, GOOD_CHAIN);
      await expectVerdict(page, 'genuine-unpaired', { chain: GOOD_CHAIN });
      await loadRequest(page, OTHER_KEY);
      await expectVerdict(page, 'not-valid', { request: OTHER_KEY, chain: GOOD_CHAIN, reason: 'pair-key-mismatch' });
      await loadRequest(page, GOOD_REQ);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      // In Dutch too.
      await page.selectOption('#lang', 'nl');
      assert.match(await page.textContent('#verdict-headline'), /GELDIG — een echte keten \(testanker\) die antwoord geeft op aanvraag RMS01EnrollRequest\.xml/);
      await page.selectOption('#lang', 'en');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: the anchor changed after verifying`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await loadRequest(page, GOOD_REQ);
      await loadChain(page, GOOD_CHAIN);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      await page.click('#anchor-custom button');
      await expectVerdict(page, 'not-valid', { request: GOOD_REQ, chain: GOOD_CHAIN, reason: 'chain-untrusted-root' });
      await useTestAnchor(page);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: a file replaced, then start over`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await loadRequest(page, GOOD_REQ);
      await loadChain(page, GOOD_CHAIN);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      await loadChain(page, TAMPERED);
      await expectVerdict(page, 'not-valid', { request: GOOD_REQ, chain: TAMPERED, reason: 'signature-invalid' });
      await loadChain(page, GOOD_CHAIN);
      await expectVerdict(page, 'answers-request', { request: GOOD_REQ, chain: GOOD_CHAIN });
      // A refused request removes the request: the chain is unpaired again.
      await page.setInputFiles('#request-drop-input', { name: 'backup.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
      await page.waitForSelector('#request-drop-refused');
      await expectVerdict(page, 'genuine-unpaired', { chain: GOOD_CHAIN });
      await page.click('#start-over');
      await page.waitForFunction(() => !document.querySelector('#verdict'));
      assert.equal(await page.locator('#chain-name').count(), 0);
      assert.equal(await page.locator('#request-drop-refused').count(), 0);
      assert.ok(await page.isDisabled('#download-json'));
      assert.deepEqual(await page.$$eval('.steps li a', (l) => l.map((a) => a.dataset.mark)), ['open', 'open', 'open', 'open', 'open']);
      assert.equal(await page.locator('#anchor-custom').count(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: the last file chosen wins over one chosen before it and read after it; start over forgets a file being read`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await loadRequest(page, GOOD_REQ);
      // Large files are read only when the test says so (gloo-file reads with FileReader).
      await page.evaluate(() => {
        const read = FileReader.prototype.readAsArrayBuffer;
        window.__hold = () => {
          window.__held = new Promise((r) => { window.__release = r; });
          window.__bigRead = null;
        };
        FileReader.prototype.readAsArrayBuffer = function (blob) {
          if (blob.size < 1e6) return read.call(this, blob);
          window.__bigRead = new Promise((r) => this.addEventListener('loadend', () => setTimeout(r, 200)));
          window.__held.then(() => read.call(this, blob));
        };
        window.__hold();
      });
      const good = fs.readFileSync(GOOD_CHAIN).toString('base64');
      // A genuine chain made large (2 MB of line breaks after it: still genuine), chosen first.
      const dropLarge = () => page.evaluate((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes, new Uint8Array(2e6).fill(10)], 'CertificateChain.xml', { type: 'text/xml' }));
        document.querySelector('#chain-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, good);
      await dropLarge();
      await page.waitForFunction(() => window.__bigRead !== null);
      // Then a tampered file of the same name, read at once.
      await dropFile(page, '#chain-drop', TAMPERED, 'CertificateChain.xml');
      await expectVerdict(page, 'not-valid', { request: GOOD_REQ, chain: TAMPERED, reason: 'signature-invalid' });
      // The large file's read ends now: it changes nothing.
      await page.evaluate(() => { window.__release(); return window.__bigRead; });
      await expectVerdict(page, 'not-valid', { request: GOOD_REQ, chain: TAMPERED, reason: 'signature-invalid' });

      // Start over while the large file is being read: it does not come back.
      await page.evaluate(() => window.__hold());
      await dropLarge();
      await page.waitForFunction(() => window.__bigRead !== null);
      await page.click('#start-over');
      await page.evaluate(() => { window.__release(); return window.__bigRead; });
      assert.equal(await page.locator('#verdict').count(), 0);
      assert.equal(await page.locator('#chain-name').count(), 0);
      assert.equal(await page.locator('#request-name').count(), 0);
      assert.ok(await page.isDisabled('#download-json'));
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

for (const mode of MODES) {
  test(`${mode}: editing the paste box after checking it drops the verdict and receipt made from it`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await useTestAnchor(page);
      await page.click('#step-request details.paste summary');
      await page.fill('#request-paste', fs.readFileSync(GOOD_REQ, 'utf8'));
      await page.click('#request-paste-check');
      await loadChain(page, GOOD_CHAIN);
      await page.waitForFunction(() => document.querySelector('#verdict')?.dataset.verdict === 'answers-request');
      assert.ok(await page.isEnabled('#download-json'));
      // Another server's request typed over it, not checked again: nothing of RMS01 stays.
      await page.fill('#request-paste', fs.readFileSync(data('request/good/RMS02EnrollRequest.xml'), 'utf8'));
      await page.waitForSelector('#request-paste-edited');
      assert.equal(await page.locator('#request-name').count(), 0);
      assert.notEqual(await page.getAttribute('#verdict', 'data-verdict'), 'answers-request');
      assert.equal(await page.locator('#submit-post').count(), 0);
      // Checked again: judged as what the box now holds (RMS02's request against RMS01's chain).
      await page.click('#request-paste-check');
      await page.waitForFunction(() => document.querySelector('#verdict')?.dataset.verdict === 'not-valid');
      assert.equal(await page.locator('#request-paste-edited').count(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
