// Issue 16: the Inspect section in both modes — the real vectors and the generator's
// workbench sets loaded at once through #inspect-input, one row per document with its kind,
// signature and chain end; the threshold, the filter, saving a document byte for byte, the
// evidence report; no request outside the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, data, ownOrigin, MODES, SHARED } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const REAL = [
  'ms-rmpr-4.5.1-machine-certificate.xml',
  'ms-rmpr-4.5.2-rights-account-certificate.xml',
  'ms-rmpr-4.5.3-client-licensor-certificate.xml',
  'ms-rmpr-4.5.6-use-license.xml',
  'rms-sdk-publishing-license-chain.xml',
];
const REAL_ROWS = [
  'machine-certificate verified issuer-not-loaded',
  'rac-permanent verified issuer-not-loaded',
  'clc verified issuer-not-loaded',
  'use-licence verified issuer-not-loaded',
  'publishing-licence verified microsoft-root',
  'clc verified microsoft-root',
  'use-licence verified microsoft-root',
  'clc verified microsoft-root',
  'slc verified microsoft-root',
  'enrollment-service verified microsoft-root',
  'ca-certificate verified microsoft-root',
  'ca-certificate verified microsoft-root',
];
const SYNTHETIC = [
  'mode1/slc-chain.xml', 'mode1/rac.xml', 'mode1/clc.drm', 'mode1/document.pfile',
  'mode2/slc.xml', 'mode2/rac-temporary.xml', 'mode2/clc-response.xml', 'mode2/protected.bin',
  'orphan/clc-rms03.xml', 'broken/clc-tampered.xml', 'broken/rac-wrong-issuer-id.xml',
];
// The first cluster (RMS01, mode 1): its SLC and the documents whose links reach it.
const CLUSTER_1_ROWS = ['0 slc', '4 rac-permanent', '5 clc', '6 publishing-licence', '7 use-licence'];
// Under the pinned Microsoft root the mode-1 test chain names Microsoft's root with another key.
const SYNTHETIC_ROWS = [
  ...Array(8).fill('broken').map((c, i) => `${['slc', 'enrollment-service', 'ca-certificate', 'ca-certificate', 'rac-permanent', 'clc', 'publishing-licence', 'use-licence'][i]} verified ${c}`),
  'slc verified issuer-not-loaded', 'rac-temporary verified issuer-not-loaded', 'clc verified issuer-not-loaded',
  'publishing-licence verified issuer-not-loaded', 'use-licence verified issuer-not-loaded',
  'clc verified issuer-not-loaded', 'clc failed broken', 'rac-permanent verified broken',
];

async function rows(page) {
  return page.$$eval('#inspect-table tr[data-doc]', (trs) => trs.map((t) => `${t.dataset.kind} ${t.dataset.signature} ${t.dataset.chain}`));
}

for (const mode of MODES) {
  test(`${mode}: inspect the real vectors and the synthetic sets, linked across files`, async () => {
    const app = await openApp(browser, mode);
    const { page } = app;
    await page.clock.setFixedTime(NOW);
    try {
      assert.equal(await page.getAttribute('#nav-inspect', 'href'), '#inspect');
      const real = REAL.map((n) => path.join(SHARED, 'xrml', n));
      if (!fs.existsSync(real[0])) {
        assert.ok(!process.env.CI, 'CI: ../shared/vectors is missing');
      } else {
        await page.setInputFiles('#inspect-input', real);
        await page.waitForFunction((n) => document.querySelectorAll('#inspect-table tr[data-doc]').length === n, REAL_ROWS.length);
        assert.deepEqual(await rows(page), REAL_ROWS);
        const modes = await page.$$eval('#inspect-clusters li', (l) => l.map((x) => x.dataset.modes));
        assert.deepEqual(modes, ['1']);
        const urls = await page.$$eval('#inspect-urls code', (l) => l.map((x) => x.textContent));
        assert.ok(urls.includes('https://48fc04bd-c84b-44ac-91b7-a4c5eefd5ac1.rms.na.aadrm.com/_wmcs/licensing'));
        // Save the SLC byte for byte as found.
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click('tr[data-doc="8"] button.save')]);
        const saved = fs.readFileSync(await dl.path());
        const whole = fs.readFileSync(real[4]);
        assert.ok(whole.includes(saved) && saved.subarray(0, 5).toString() === '<XrML');
        await page.click('#inspect-clear');
      }
      await page.setInputFiles('#inspect-input', SYNTHETIC.map((n) => data(`workbench/${n}`)));
      await page.waitForFunction((n) => document.querySelectorAll('#inspect-table tr[data-doc]').length === n, SYNTHETIC_ROWS.length);
      assert.deepEqual(await rows(page), SYNTHETIC_ROWS);
      // The same files added again are the same files: no row is counted twice.
      await page.setInputFiles('#inspect-input', SYNTHETIC.map((n) => data(`workbench/${n}`)));
      await page.waitForFunction(() => !document.querySelector('#inspect-progress'));
      await page.waitForTimeout(300);
      assert.deepEqual(await rows(page), SYNTHETIC_ROWS);
      const clusterModes = await page.$$eval('#inspect-clusters li', (l) => l.map((x) => x.dataset.modes));
      assert.deepEqual(clusterModes, ['1', '2']);
      assert.deepEqual(await page.$$eval('tr[data-doc].below', (t) => t.map((x) => x.dataset.doc)), ['0', '2', '3', '6', '9', '11']);
      await page.fill('#inspect-threshold', '10');
      await page.dispatchEvent('#inspect-threshold', 'change');
      await page.waitForFunction(() => document.querySelectorAll('tr[data-doc].below').length === 3);
      // Not a whole number of days from 0 to 36500: said beside the field, the marks keep 10.
      for (const bad of ['-5', '36501', '1e3', '0.5', '']) {
        await page.fill('#inspect-threshold', bad);
        assert.equal(await page.textContent('#inspect-threshold-invalid'), 'Give a whole number of days from 0 to 36500. The marks still use 10.', bad);
        assert.equal(await page.getAttribute('#inspect-threshold', 'aria-invalid'), 'true');
        assert.equal(await page.locator('tr[data-doc].below').count(), 3, bad);
      }
      await page.fill('#inspect-threshold', '10');
      assert.equal(await page.locator('#inspect-threshold-invalid').count(), 0);
      assert.equal(await page.getAttribute('#inspect-threshold', 'aria-invalid'), 'false');
      await page.selectOption('#inspect-filter', 'clc');
      assert.deepEqual(await page.$$eval('tr[data-doc]', (t) => t.map((x) => x.dataset.kind)), ['clc', 'clc', 'clc', 'clc']);
      await page.selectOption('#inspect-filter', '');
      // Filter by cluster (the SLC key): RMS01's documents, then those of no loaded SLC.
      const clusterKeys = await page.$$eval('#inspect-clusters li', (l) => l.map((x) => x.dataset.cluster));
      await page.selectOption('#inspect-filter-cluster', clusterKeys[0]);
      assert.deepEqual(await page.$$eval('tr[data-doc]', (t) => t.map((x) => `${x.dataset.doc} ${x.dataset.kind}`)), CLUSTER_1_ROWS);
      await page.selectOption('#inspect-filter-cluster', 'none');
      assert.ok(await page.$$eval('tr[data-doc]', (t) => t.length > 0 && t.every((x) => x.dataset.cluster === '')));
      await page.selectOption('#inspect-filter-cluster', clusterKeys[1]);
      await page.selectOption('#inspect-filter', 'clc');
      assert.deepEqual(await page.$$eval('tr[data-doc]', (t) => t.map((x) => x.dataset.doc)), ['10']);
      await page.selectOption('#inspect-filter', '');
      await page.selectOption('#inspect-filter-cluster', '');
      // Compare: the mode-1 SLC and the mode-2 SLC side by side, the differing fields marked.
      assert.equal(await page.$('#inspect-compare'), null);
      await page.check('tr[data-doc="0"] input.compare');
      assert.equal(await page.$('#inspect-compare'), null, 'one document is not a comparison');
      await page.check('tr[data-doc="8"] input.compare');
      await page.waitForSelector('#inspect-compare');
      const fields = await page.$$eval('#inspect-compare tr[data-field]', (t) => Object.fromEntries(t.map((x) => [x.dataset.field, x.dataset.differs])));
      assert.equal(Object.keys(fields).length, 21);
      for (const f of ['mode', 'hash', 'key-bits', 'principal-key', 'principal-name']) assert.equal(fields[f], 'true', f);
      for (const f of ['kind', 'type', 'signature']) assert.equal(fields[f], 'false', f);
      const modeCells = await page.$$eval('#inspect-compare tr[data-field="mode"] td', (t) => t.map((x) => x.textContent));
      assert.deepEqual(modeCells, ['1', '2']);
      // Ids are shown in words, as in the table above (not "slc", "verified").
      const words = async (f) => page.$$eval(`#inspect-compare tr[data-field="${f}"] td`, (t) => t.map((x) => x.textContent));
      const table = async (col) => page.$eval(`#inspect-table tr[data-doc="0"] td:nth-child(${col})`, (x) => x.textContent);
      const [kind0] = await words('kind');
      assert.ok(kind0.length > 3 && kind0 !== 'slc', kind0);
      assert.equal((await words('signature'))[0], await table(12));
      assert.ok(await page.$eval('#inspect-compare tr[data-field="mode"]', (t) => t.classList.contains('differs')));
      // A third tick replaces the oldest: the RAC against the mode-2 SLC.
      await page.check('tr[data-doc="4"] input.compare');
      await page.waitForFunction(() => document.querySelector('#inspect-compare')?.dataset.a === '8');
      assert.equal(await page.getAttribute('#inspect-compare', 'data-b'), '4');
      assert.equal(await page.isChecked('tr[data-doc="0"] input.compare'), false);
      await page.uncheck('tr[data-doc="4"] input.compare');
      await page.waitForFunction(() => !document.querySelector('#inspect-compare'));
      await page.click('#inspect-sort-days');
      const days = await page.$$eval('tr[data-doc]', (t) => t.map((x) => x.dataset.days).filter((d) => d !== '').map(Number));
      assert.deepEqual(days, [...days].sort((a, b) => a - b));
      const [ev] = await Promise.all([page.waitForEvent('download'), page.click('#inspect-report-json')]);
      const json = JSON.parse(fs.readFileSync(await ev.path(), 'utf8'));
      assert.equal(json.schema, 'slc-courier-evidence/2');
      assert.equal(json.documents.length, SYNTHETIC_ROWS.length);
      assert.equal(json.files.length, SYNTHETIC.length);
      assert.deepEqual(app.errors, []);
      assert.deepEqual(app.requests.filter((u) => !ownOrigin(app.base, u) && !u.endsWith('config.json')), []);
    } finally {
      await app.close();
    }
  });
}

// Documents per synthetic file (the same under either policy).
const DOCS_PER_FILE = { 'mode1/slc-chain.xml': 4, 'mode1/document.pfile': 2, 'mode2/protected.bin': 2 };

test('hosted: a few hundred files at once — every row, a progress line, and the page stays responsive', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slc-wb-many-'));
  const files = [];
  let expected = 0;
  let slcs = 0;
  for (let i = 0; i < 300; i++) {
    const rel = SYNTHETIC[i % SYNTHETIC.length];
    const name = path.join(dir, `${String(i).padStart(3, '0')}-${rel.replace('/', '-')}`);
    fs.copyFileSync(data(`workbench/${rel}`), name);
    files.push(name);
    expected += DOCS_PER_FILE[rel] ?? 1;
    slcs += rel === 'mode1/slc-chain.xml' || rel === 'mode2/slc.xml' ? 1 : 0;
  }
  const app = await openApp(browser, 'hosted');
  const { page } = app;
  await page.clock.setFixedTime(NOW);
  try {
    await page.setInputFiles('#inspect-input', files);
    await page.waitForSelector('#inspect-progress', { timeout: 10000 });
    // While the files are read the page answers: a script round trip, and a change to another
    // control (the threshold) that the finished table then shows.
    const t0 = Date.now();
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.ok(Date.now() - t0 < 2000, `the page took ${Date.now() - t0} ms to answer while loading`);
    await page.fill('#inspect-threshold', '10');
    await page.dispatchEvent('#inspect-threshold', 'change');
    await page.waitForFunction((n) => document.querySelectorAll('#inspect-table tr[data-doc]').length === n, expected, { timeout: 120000 });
    assert.equal(expected, 438);
    assert.equal(await page.$('#inspect-progress'), null, 'the progress line goes when the work is done');
    assert.match(await page.textContent('#inspect-below'), /\(10\)/);
    assert.equal(await page.inputValue('#inspect-threshold'), '10');
    // Right after loading a click is handled at once.
    await page.selectOption('#inspect-filter', 'slc');
    assert.equal(await page.$$eval('tr[data-doc]', (t) => t.length), slcs);
    assert.equal(slcs, 55);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const mode of MODES) {
  test(`${mode}: files added while another is still being read are all kept; Clear forgets reads in flight`, async () => {
    const app = await openApp(browser, mode);
    const { page } = app;
    try {
      // rac.xml's read is held until the test releases it (gloo-file reads with FileReader).
      await page.evaluate(() => {
        const read = FileReader.prototype.readAsArrayBuffer;
        window.__hold = () => {
          window.__held = new Promise((r) => { window.__release = r; });
          window.__heldRead = null;
        };
        FileReader.prototype.readAsArrayBuffer = function (blob) {
          if (blob.name !== 'rac.xml') return read.call(this, blob);
          window.__heldRead = new Promise((r) => this.addEventListener('loadend', () => setTimeout(r, 200)));
          window.__held.then(() => read.call(this, blob));
        };
        window.__hold();
      });
      const docs = () => page.$$eval('#inspect-table tr[data-doc]', (t) => t.length);
      await page.setInputFiles('#inspect-input', [data('workbench/mode1/rac.xml')]);
      await page.waitForFunction(() => window.__heldRead !== null);
      await page.setInputFiles('#inspect-input', [data('workbench/mode1/slc-chain.xml')]);
      await page.waitForFunction(() => document.querySelectorAll('#inspect-table tr[data-doc]').length === 4);
      await page.evaluate(() => { window.__release(); return window.__heldRead; });
      await page.waitForFunction(() => document.querySelectorAll('#inspect-table tr[data-doc]').length === 5);
      assert.equal(await docs(), 5);
      // Clear while rac.xml is being read again: nothing comes back.
      await page.evaluate(() => window.__hold());
      await page.setInputFiles('#inspect-input', [data('workbench/mode1/rac.xml')]);
      await page.waitForFunction(() => window.__heldRead !== null);
      await page.click('#inspect-clear');
      await page.evaluate(() => { window.__release(); return window.__heldRead; });
      await page.waitForTimeout(200);
      assert.equal(await docs(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
