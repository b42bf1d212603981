// Issue 5: the whole flow in both modes — request, trust, verify, receipt — with the
// generator's good request and chain, five damaged inputs, the language switch, keyboard and
// accessibility checks, and no network request outside the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, sha256, data, ownOrigin, MODES, ROOT } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(mode, opts) {
  const app = await openApp(browser, mode, opts);
  await app.page.clock.setFixedTime(NOW);
  return app;
}

async function useTestAnchor(page) {
  await page.click('#anchor summary');
  await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
  await page.waitForSelector('#anchor-custom');
}

async function codes(page, scope) {
  return page.$$eval(`${scope} .finding`, (els) => els.map((e) => e.dataset.code));
}

for (const mode of MODES) {
  test(`${mode}: the whole flow with a good request and chain, and the receipt`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      const req = data('request/good/RMS01EnrollRequest.xml');
      await dropFile(page, '#request-drop', req);
      await page.waitForSelector('#request-result');
      assert.equal(await page.getAttribute('#request-result', 'data-status'), 'pass');
      assert.equal(await page.textContent('#sum-server'), 'RMS01');
      assert.equal(await page.textContent('#sum-guid'), '{6f9619ff-8b86-d011-b42d-00c04fc964ff}');
      assert.equal(await page.textContent('#sum-kind'), 'Enrollment');
      assert.match(await page.textContent('#sum-key'), /^RSA-1024 e=65537 · DER RSAPublicKey/);
      assert.equal(await page.textContent('#submit-sha256'), await sha256(req));

      // Step 2 without the probe: measured facts and the manual checklist.
      assert.equal(await page.locator('#measured tr').count(), 6);
      assert.match(await page.textContent('#manual-checks'), /certutil -verifystore Root 97817950d81c9670cc34d809cf794431367ef474/);

      // Step 4 with the synthetic test root (the Microsoft root rejects synthetic chains).
      const chain = data('chain/good/sha1-compact.xml');
      await useTestAnchor(page);
      await dropFile(page, '#chain-drop', chain);
      await page.waitForSelector('#verdict');
      assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'true');
      assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'answers-request');
      assert.match(await page.textContent('#verdict-test-anchor'), /TEST ANCHOR/);
      assert.equal(await page.textContent('#expiry-date'), '2046-06-18');
      assert.match(await page.textContent('#verdict'), /7147 days remaining/);
      assert.equal(await page.textContent('#verdict-issuer'), 'Microsoft DRM Server Enrollment Service');
      assert.equal(await page.locator('#chain-list li').count(), 4);
      assert.deepEqual(await codes(page, '#chain-result'), ['signature-sha1-legacy', 'anchor-test']);

      // Step 5: the JSON receipt.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
      assert.equal(download.suggestedFilename(), 'RMS01EnrollRequest-receipt.json');
      const receipt = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assert.equal(receipt.schema, 'slc-courier-receipt/2');
      assert.equal(receipt.verdict.outcome, 'answers-request');
      assert.equal(receipt.verdict.anchor_is_test, true);
      assert.equal(receipt.request.sha256, await sha256(req));
      assert.equal(receipt.certificate.sha256, await sha256(chain));
      assert.equal(receipt.verdict.valid, true);
      assert.equal(receipt.verdict.expires, '2046-06-18T10:00Z');
      assert.equal(receipt.verdict.anchor_is_microsoft, false);
      assert.equal(receipt.pairing.key_matches, true);
      assert.equal(receipt.checked_at, '2026-11-22T12:00Z');
      assert.equal(receipt.chain.length, 4);

      const [html] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
      assert.match(fs.readFileSync(await html.path(), 'utf8'), /New expiration date: <strong>2046-06-18<\/strong>/);

      // The far-side hash, pasted as Get-FileHash prints it.
      const h = (await sha256(req)).toUpperCase();
      await page.fill('#far-side', `Algorithm       Hash\n---------       ----\nSHA256          ${h}       C:\\RMS01EnrollRequest.xml`);
      assert.deepEqual(await page.$$eval('#far-side-result li', (l) => l.map((x) => x.dataset.status)), ['pass', 'warn']);

      const foreign = app.requests.filter((u) => !ownOrigin(app.base, u) && !u.endsWith('/config.json'));
      assert.deepEqual(foreign, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: damaged inputs each show their specific finding`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      for (const [file, code] of [['bad/utf16-encoded.xml', 'utf16-encoded'], ['bad/html-wrapper.xml', 'html-wrapper'], ['bad/revocation-nonrevocable.xml', 'revocation-nonrevocable']]) {
        await dropFile(page, '#request-drop', data(`request/${file}`), 'RMS01EnrollRequest.xml');
        await page.waitForSelector(`#request-result .finding[data-code="${code}"]`);
        assert.equal(await page.getAttribute('#request-result', 'data-status'), 'fail');
      }
      // An oversized file is refused before it is read, with its finding.
      await page.setInputFiles('#request-drop-input', { name: 'backup.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
      await page.waitForSelector('#request-drop-refused .finding[data-code="input-too-large"]');
      await dropFile(page, '#request-drop', data('request/bad/revocation-nonrevocable.xml'), 'RMS01EnrollRequest.xml');
      await page.waitForSelector('#request-result .finding[data-code="revocation-nonrevocable"]');
      assert.equal(await page.locator('#request-drop-refused').count(), 0);
      // The offending line is highlighted in the XML view.
      assert.ok(await page.locator('#request-xml .ln.hl').count() >= 1);
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#request-result[data-status="pass"]');
      await useTestAnchor(page);
      for (const [file, expected] of [
        ['bad/tampered-signature.xml', ['signature-invalid', 'signature-sha1-legacy', 'anchor-test']],
        ['bad/expired-slc.xml', ['signature-sha1-legacy', 'slc-expired', 'anchor-test']],
        ['bad/wrong-root.xml', ['signature-sha1-legacy', 'chain-untrusted-root']],
        ['good/sha256-compact.xml', ['anchor-test', 'pair-guid-mismatch', 'pair-key-mismatch']],
        ['bad/missing-certificate.xml', ['signature-sha1-legacy', 'chain-incomplete']],
      ]) {
        await dropFile(page, '#chain-drop', data(`chain/${file}`));
        await page.waitForFunction((n) => document.querySelector('#chain-name')?.textContent === n, path.basename(file));
        assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'false', file);
        assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'not-valid', file);
        assert.equal(await page.locator('#expiry-date').count(), 0, file);
        assert.deepEqual(await codes(page, '#chain-result'), expected, file);
      }
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: Dutch is remembered; a root certificate is inspected; the layout fits 1024x768`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await page.selectOption('#lang', 'nl');
      assert.equal(await page.textContent('#h-request'), '1. Aanvraag');
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      await page.reload();
      await page.waitForSelector('#step-request');
      assert.equal(await page.textContent('#h-verify'), '4. Certificaat controleren');
      await page.selectOption('#lang', 'en');
      const gte = path.resolve(ROOT, '../shared/vectors/roots/gte-cybertrust-global-root.pem');
      if (fs.existsSync(gte)) {
        await page.setInputFiles('#root-drop-input', gte);
        await page.waitForSelector('#root-result');
        assert.equal(await page.textContent('#root-sha1'), '97:81:79:50:D8:1C:96:70:CC:34:D8:09:CF:79:44:31:36:7E:F4:74');
        assert.deepEqual(await codes(page, '#root-result'), ['root-gte-expired']);
      } else {
        assert.ok(!process.env.CI, 'CI: ../shared/vectors is missing');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 1024x768`);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: axe-core finds no serious or critical violations (light and dark)`, async () => {
    const axe = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark']) {
      const app = await open(mode, { colorScheme });
      const { page } = app;
      try {
        await dropFile(page, '#request-drop', data('request/bad/utf8-bom.xml'), 'RMS01EnrollRequest.xml');
        await page.waitForSelector('#request-result');
        await useTestAnchor(page);
        await dropFile(page, '#chain-drop', data('chain/good/sha1-compact.xml'));
        await page.waitForSelector('#verdict');
        await page.evaluate(`${axe}; undefined`);
        const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        assert.deepEqual(bad, [], `${colorScheme}`);
      } finally {
        await app.close();
      }
    }
  });
}
