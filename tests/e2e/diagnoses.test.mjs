// Issue 14: what step 1 and step 4 say about files that are not what the step expects, in
// both modes. Step 1 leads with one sentence and lists errors, then warnings, with the notes
// (nothing to fix) collapsed; pasted text has no invented name, no file-name finding, and a
// note that its own bytes (and SHA-256) are what is submitted and recorded. Files that are
// not XML, the chain in step 1, the request in step 4 and the browser's view of either get
// one specific finding, with no location.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, dropFile, data, MODES } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'slc-diag-'));
/** Writes `content` to a temporary file named `name` and returns its path. */
function temp(name, content) {
  const p = path.join(TMP, name);
  fs.writeFileSync(p, content);
  return p;
}

const GOOD = fs.readFileSync(data('request/good/RMS01EnrollRequest.xml'), 'utf8');
/** One error (NonRevocable), one warning (an unknown element), two notes (CR LF, no braces). */
const MIXED = GOOD
  .replace('StandardRevocation', 'NonRevocable')
  .replace('    <Name>', '    <Comment>carried by J.</Comment>\n    <Name>')
  .replace('{6F9619FF-8B86-D011-B42D-00C04FC964FF}', '6F9619FF-8B86-D011-B42D-00C04FC964FF')
  .replace(/\n/g, '\r\n');
/** One warning (an unknown element), nothing else. */
const WARNED = GOOD.replace('    <Name>', '    <Comment>carried by J.</Comment>\n    <Name>');

async function open(mode, opts) {
  const app = await openApp(browser, mode, opts);
  await app.page.clock.setFixedTime(NOW);
  return app;
}

async function setLang(page, lang) {
  await page.selectOption('#lang', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The codes of the findings in `scope`, in page order: [top-level list, collapsed notes]. */
async function listed(page, scope) {
  return page.$eval(scope, (el) => [
    [...el.querySelectorAll(':scope > .findings > .finding')].map((f) => f.dataset.code),
    [...el.querySelectorAll(':scope > details.notes .finding')].map((f) => f.dataset.code),
  ]);
}

async function codes(page, scope) {
  return page.$$eval(`${scope} .finding`, (els) => els.map((e) => e.dataset.code));
}

/** Drops `file` (as `name`) in step 1 and waits until the result for that name is shown. */
async function request(page, file, name = path.basename(file)) {
  await dropFile(page, '#request-drop', file, name);
  await page.waitForFunction((n) => document.querySelector('#request-name')?.textContent === n, name);
}

for (const mode of MODES) {
  test(`${mode}: step 1 leads with one sentence, errors first, notes collapsed (both languages)`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      await request(page, data('request/good/RMS01EnrollRequest.xml'));
      assert.equal(await page.textContent('#request-verdict strong'), 'Ready to submit.');
      assert.equal(await page.getAttribute('#request-result', 'data-status'), 'pass');
      // The sentence comes before everything else in the result.
      assert.equal(await page.$eval('#request-result', (r) => r.firstElementChild.id), 'request-verdict');

      await request(page, temp('RMS02EnrollRequest.xml', WARNED));
      assert.equal(await page.textContent('#request-verdict strong'), 'Ready to submit — read the warning first.');
      assert.equal(await page.getAttribute('#request-result', 'data-status'), 'warn');

      await request(page, temp('RMS03EnrollRequest.xml', MIXED));
      assert.equal(await page.textContent('#request-verdict strong'), 'Do not submit — 1 error, 1 warning.');
      assert.equal(await page.getAttribute('#request-result', 'data-status'), 'fail');
      // Errors, then warnings; the two notes under one closed summary.
      assert.deepEqual(await listed(page, '#request-result'), [
        ['revocation-nonrevocable', 'unexpected-element'],
        ['crlf-line-endings', 'guid-without-braces'],
      ]);
      assert.equal(await page.$eval('#request-result details.notes', (d) => d.open), false);
      assert.equal(await page.textContent('#request-result details.notes > summary'), '2 notes (nothing to fix)');
      // Whole-file notes carry no location; the element ones do.
      assert.equal(await page.locator('#request-result .finding[data-code="crlf-line-endings"] .where').count(), 0);
      assert.equal(await page.locator('#request-result .finding[data-code="unexpected-element"] .where').count(), 1);

      await setLang(page, 'nl');
      assert.equal(await page.textContent('#request-verdict strong'), 'Niet indienen — 1 fout, 1 waarschuwing.');
      assert.equal(await page.textContent('#request-result details.notes > summary'), '2 opmerkingen (niets te doen)');
      await request(page, temp('RMS04EnrollRequest.xml', GOOD.replace('StandardRevocation', 'NonRevocable').replace('RMS01', 'RMS-Ø').replace(/\n/g, '\r\n')));
      assert.equal(await page.textContent('#request-verdict strong'), 'Niet indienen — 2 fouten.');
      await request(page, data('request/good/RMS01EnrollRequest.xml'));
      assert.equal(await page.textContent('#request-verdict strong'), 'Klaar om in te dienen.');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: pasted text has no name and its own bytes are what is submitted and recorded`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      // Pasted with Windows line endings; the browser hands over LF.
      const crlf = GOOD.replace(/\n/g, '\r\n');
      const lf = crlf.replace(/\r\n/g, '\n');
      const sha = crypto.createHash('sha256').update(lf).digest('hex');
      await page.click('#step-request details.paste > summary');
      await page.fill('#request-paste', crlf);
      await page.click('#request-paste-check');
      await page.waitForSelector('#request-name[data-pasted="true"]');
      assert.equal(await page.textContent('#request-name'), 'Pasted text');
      assert.equal(await page.textContent('#request-size'), `${Buffer.byteLength(lf)} bytes`);
      assert.equal(await page.textContent('#request-sha256'), sha);
      assert.equal(await page.textContent('#submit-sha256'), sha);
      assert.deepEqual(await codes(page, '#request-result'), []);
      assert.equal(await page.textContent('#request-verdict strong'), 'Ready to submit.');
      const note = await page.textContent('#request-pasted-note');
      assert.match(note, new RegExp(`^These ${Buffer.byteLength(lf)} bytes — the text exactly as pasted — are what step 3 submits and the receipt records`));
      assert.match(note, /line endings into LF/);
      // Nothing on the page says pasted.xml.
      assert.equal((await page.textContent('body')).includes('pasted.xml'), false);
      // Damaged pasted text: its findings, never a file-name note.
      await page.fill('#request-paste', GOOD.replace('{6F9619FF-8B86-D011-B42D-00C04FC964FF}', '6F9619FF-8B86-D011-B42D-00C04FC964FF'));
      await page.click('#request-paste-check');
      await page.waitForSelector('#request-result .finding[data-code="guid-without-braces"]', { state: 'attached' });
      assert.deepEqual(await codes(page, '#request-result'), ['guid-without-braces']);
      await setLang(page, 'nl');
      assert.equal(await page.textContent('#request-name'), 'Geplakte tekst');
      assert.match(await page.textContent('#request-pasted-note'), /worden in stap 3 ingediend en in het overdrachtsbewijs vastgelegd/);
      // A file loaded afterwards is a file again, with its own name.
      await request(page, data('request/good/RMS01EnrollRequest.xml'));
      assert.equal(await page.locator('#request-pasted-note').count(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test(`${mode}: files that are not what the step expects get one specific finding`, async () => {
    const app = await open(mode);
    const { page } = app;
    try {
      for (const [file, name, expected] of [
        [data('request/bad/pem-not-request.xml'), 'root.pem', ['pem-not-request']],
        [data('request/bad/der-certificate.xml'), 'root.cer', ['binary-file']],
        [data('request/bad/text-not-xml.xml'), 'notes.txt', ['text-not-xml']],
        [data('request/bad/binary-file.xml'), 'scan.png', ['binary-file']],
        [data('chain/good/sha1-compact.xml'), 'RMS01-slc.xml', ['certificate-not-request']],
        [data('chain/good/sha1-response-utf16.xml'), 'resp.xml', ['certificate-not-request']],
        [data('chain/bad/resp-opened-in-browser.htm'), 'resp-opened-in-browser.htm', ['certificate-not-request']],
        [data('request/bad/browser-saved-webpage.htm'), 'RMS01EnrollRequest.htm', ['browser-rendering']],
        [data('request/bad/browser-rendered-xhtml.htm'), 'RMS01EnrollRequest.htm', ['html-wrapper']],
        [data('request/bad/browser-copied-tree.txt'), 'copied.txt', ['browser-rendering']],
      ]) {
        await request(page, file, name);
        assert.deepEqual(await codes(page, '#request-result'), expected, name);
        assert.equal(await page.locator('#request-result .where').count(), 0, `${name}: no location`);
        assert.equal(await page.textContent('#request-verdict strong'), 'Do not submit — 1 error.', name);
      }
      // Step 4: the request, and the browser's views of the chain.
      await request(page, data('request/good/RMS01EnrollRequest.xml'));
      for (const [file, expected] of [
        ['request/good/RMS01EnrollRequest.xml', 'request-not-certificate'],
        ['request/bad/soap-envelope.xml', 'request-not-certificate'],
        ['chain/bad/resp-opened-in-browser.htm', 'browser-rendering'],
        ['chain/bad/resp-saved-webpage.htm', 'browser-rendering'],
        ['chain/bad/resp-copied-tree.txt', 'browser-rendering'],
      ]) {
        await dropFile(page, '#chain-drop', data(file));
        await page.waitForFunction((n) => document.querySelector('#chain-name')?.textContent === n, path.basename(file));
        assert.deepEqual(await codes(page, '#chain-result'), [expected], file);
        assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'not-valid', file);
        assert.equal(await page.locator('#chain-result .where').count(), 0, `${file}: no location`);
        // No certificate, so no "As named in the certificate: Issued by — · Issued to —".
        assert.equal(await page.locator('.verdict-facts').count(), 0, file);
      }
      assert.match(await page.textContent('#chain-result .finding[data-code="browser-rendering"]'), /Save the file itself, as downloaded/);
      await setLang(page, 'nl');
      assert.match(await page.textContent('#chain-result .finding[data-code="browser-rendering"]'), /Sla het bestand zelf op, zoals het gedownload is/);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
