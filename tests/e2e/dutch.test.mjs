// Issue 13: a Dutch-speaking admin reads no English sentence. For each state of the page —
// nothing loaded, the trust step (measured facts, checklist, root certificates, the probe),
// request valid, damaged and refused, anchor refused and loaded, chain valid and damaged, the
// far-side check, the Inspect section, files dropped outside the zones — the visible text is read in English and in Dutch for
// the same state, and no Dutch sentence of four words or more may appear in the English text.
// Also every aria-label, title and placeholder must differ. Both modes (http://127.0.0.1 and
// file://).
//
// DUTCH_SCREENSHOTS=<dir> also writes full-page screenshots of the Dutch page there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, dropFiles, data, MODES, SHARED } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');

// Findings of the request, XrML and chain areas are still worded where the check runs
// (English only) until their typed variants are merged (issue 13, other branches). Until
// then only the findings listed in TYPED_FINDINGS are read; the others are hidden from the
// comparison. Set ALL_FINDINGS_TYPED = true once every area is typed, so every finding's
// message and fix is checked too.
const ALL_FINDINGS_TYPED = true;
/** Codes whose words are typed on this branch: the trust step's and the input refusals. */
const TYPED_FINDINGS = /^(root-|env-|probe-|input-too-large$)/;
// The printable receipt (crates/core/src/report.rs) is converted on another branch; set
// RECEIPT_TYPED = true after merging it, so the receipt is compared the same way.
const RECEIPT_TYPED = true;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * The page's visible text as a reader sees it, with every <details> opened; code, commands,
 * hashes, file content and data from the files (`translate="no"`: names, file names, URLs) are
 * left out, and so are the findings not yet typed (see ALL_FINDINGS_TYPED). Also every
 * aria-label, title and placeholder in document order.
 */
async function read(page) {
  return page.evaluate(({ all, typed }) => {
    const typedRe = new RegExp(typed);
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    const hidden = [];
    const hide = (el) => {
      hidden.push([el, el.style.getPropertyValue('display'), el.style.getPropertyPriority('display')]);
      el.style.setProperty('display', 'none', 'important');
    };
    // Status badges (one word each, from i18n) are hidden so they do not glue onto the
    // sentence after them.
    document.querySelectorAll('code, pre, textarea, .badge, [translate="no"]').forEach(hide);
    if (!all) {
      document.querySelectorAll('.finding').forEach((li) => { if (!typedRe.test(li.dataset.code)) hide(li); });
      // The receipt's findings: a row or item whose code is not typed yet.
      document.querySelectorAll('tr, li').forEach((el) => {
        const c = el.querySelector('code')?.textContent ?? '';
        if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(c) && !typedRe.test(c)) hide(el);
      });
    }
    const text = document.body.innerText;
    hidden.forEach(([el, v, p]) => { if (v) el.style.setProperty('display', v, p); else el.style.removeProperty('display'); });
    const attrs = [];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && !el.closest('[translate="no"]') && el.tagName !== 'CODE') attrs.push({ id: el.id || el.tagName, attr: a, value: v });
      }
    }
    return { text, attrs };
  }, { all: ALL_FINDINGS_TYPED, typed: TYPED_FINDINGS.source });
}

/** Sentences of prose: lines cut after . ! ? ; : — with at least four words of letters only. */
function sentences(text) {
  return text
    .split('\n')
    .flatMap((l) => l.split(/(?<=[.!?;:])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).filter((w) => /^[\p{L}'’()«»"“”,.:;!?–—-]+$/u.test(w) && /\p{L}{2}/u.test(w)).length >= 4);
}

/** The English sentences the Dutch page shows for the same state (should be none). */
function english(en, nl) {
  return sentences(nl.text).filter((s) => en.text.includes(s));
}

/** aria-labels, titles and placeholders that read the same in both languages. */
function sameAttrs(en, nl) {
  assert.equal(en.attrs.length, nl.attrs.length, 'the same elements carry labels in both languages');
  return nl.attrs.filter((a, i) => a.value === en.attrs[i].value && /\p{L}{3}/u.test(a.value) && !/^#?\d+$/.test(a.value));
}

async function setLang(page, lang) {
  await page.selectOption('#lang', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Reads the current state in English and in Dutch and asserts no Dutch sentence is English.
 * Leaves the page in Dutch. Returns the number of Dutch sentences checked.
 */
async function check(page, state, shots) {
  await setLang(page, 'en');
  const en = await read(page);
  await setLang(page, 'nl');
  const nl = await read(page);
  assert.deepEqual(english(en, nl), [], `${state}: English sentences on the Dutch page`);
  assert.deepEqual(sameAttrs(en, nl), [], `${state}: aria-label/title/placeholder not translated`);
  // The comparison can fail: the English page compared with itself finds its own sentences.
  assert.ok(english(en, en).length >= 3, `${state}: too little prose read (${english(en, en).length})`);
  if (shots) {
    await page.screenshot({ path: path.join(shots, `${state}.png`), fullPage: true });
  }
  return sentences(nl.text).length;
}

/** Compares the printable receipt downloaded in English and in Dutch (same state). */
async function checkReceipt(app, state) {
  const get = async (lang) => {
    await setLang(app.page, lang);
    const [d] = await Promise.all([app.page.waitForEvent('download'), app.page.click('#download-html')]);
    const p = await app.context.newPage();
    await p.setContent(fs.readFileSync(await d.path(), 'utf8'));
    const r = { ...(await read(p)), lang: await p.getAttribute('html', 'lang') };
    await p.close();
    return r;
  };
  const en = await get('en');
  const nl = await get('nl');
  assert.equal(nl.lang, 'nl', `${state}: <html lang> of the Dutch receipt`);
  assert.deepEqual(english(en, nl), [], `${state}: English sentences in the Dutch receipt`);
  assert.ok(english(en, en).length >= 3, `${state}: too little prose read in the receipt`);
}

async function open(mode) {
  const app = await openApp(browser, mode);
  await app.page.clock.setFixedTime(NOW);
  return app;
}

for (const mode of MODES) {
  test(`${mode}: every step, damaged files included, reads in Dutch with no English sentence`, async () => {
    const app = await open(mode);
    const { page } = app;
    const shots = process.env.DUTCH_SCREENSHOTS ? path.join(process.env.DUTCH_SCREENSHOTS, mode) : null;
    if (shots) fs.mkdirSync(shots, { recursive: true });
    try {
      await check(page, '01-nothing-loaded', shots);
      // The measured table and the checklist are Dutch (words from the core, typed).
      assert.equal(await page.textContent('#measured tr[data-measured="mode"] th'), 'Modus');
      assert.match(await page.textContent('#manual-checks li[data-check="trusted-sites-zone"] strong'), /zone Vertrouwde websites/);

      // Step 2: root certificates — not a certificate, a private key, the expired GTE root.
      await page.setInputFiles('#root-drop-input', { name: 'notes.cer', mimeType: 'application/octet-stream', buffer: Buffer.from('not a certificate') });
      await page.waitForSelector('#root-result .finding[data-code="root-parse-failed"]');
      await check(page, '02-root-not-a-certificate', shots);
      await page.setInputFiles('#root-drop-input', data('keys/test-root.pem'));
      await page.waitForFunction(() => document.querySelector('#root-result strong')?.textContent === 'test-root.pem');
      await check(page, '03-root-private-key', shots);
      const gte = path.join(SHARED, 'roots/gte-cybertrust-global-root.pem');
      if (fs.existsSync(gte)) {
        await page.setInputFiles('#root-drop-input', gte);
        await page.waitForSelector('#root-result .finding[data-code="root-gte-expired"]');
        assert.equal(await page.textContent('#root-recognised'), 'GTE CyberTrust Global Root');
        await check(page, '04-root-gte', shots);
      } else {
        assert.ok(!process.env.CI, 'CI: ../shared/vectors is missing');
      }

      // The probe, answered and blocked (intercepted: nothing leaves the machine).
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.fulfill({ status: 200, body: '' }));
      await page.click('#probe-button');
      await page.waitForSelector('#step-trust .finding[data-code="probe-reached"]');
      await check(page, '05-probe-reached', shots);
      await page.unroute(/^https?:\/\/(?!127\.0\.0\.1)/);
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());
      await page.click('#probe-button');
      await page.waitForSelector('#step-trust .finding[data-code="probe-unreachable"]');
      await check(page, '06-probe-unreachable', shots);
      // Step 3: a refused address (issue 14), then the default again.
      await page.fill('#enrollment-url', 'ftp://x/y');
      await page.press('#enrollment-url', 'Tab');
      await page.waitForSelector('#address-check .finding[data-code="address-scheme-refused"]');
      await check(page, '06b-address-refused', shots);
      await page.click('#reset-url');
      await page.waitForSelector('#address-refused', { state: 'detached' });

      // Step 1: valid, damaged, refused for its size.
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#request-result[data-status="pass"]');
      assert.equal(await page.textContent('#sum-kind'), 'Inschrijving');
      await check(page, '07-request-valid', shots);
      // Step 3: an http address (warning) and, after opening it, what to do when nothing
      // answers (the new tab is answered here: nothing leaves the machine).
      await app.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<p>x</p>' }));
      await page.fill('#enrollment-url', 'http://rms.example.test/_wmcs/certification/');
      await page.press('#enrollment-url', 'Tab');
      await page.waitForSelector('#address-check .finding[data-code="address-http"]');
      const [tab] = await Promise.all([app.context.waitForEvent('page'), page.click('#open-enrollment')]);
      await tab.close();
      await page.waitForSelector('#no-answer');
      await check(page, '07b-no-answer', shots);
      await page.click('#reset-url');
      await page.waitForSelector('#address-check .finding', { state: 'detached' });
      await dropFile(page, '#request-drop', data('request/bad/revocation-nonrevocable.xml'), 'RMS01EnrollRequest.xml');
      await page.waitForSelector('#request-result[data-status="fail"]');
      // Step 3 warns that the service will likely reject it.
      assert.match(await page.textContent('#step-submit'), /Stap 1 heeft fouten gevonden/);
      await check(page, '08-request-damaged', shots);
      await page.setInputFiles('#request-drop-input', { name: 'backup.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
      await page.waitForSelector('#request-drop-refused .finding[data-code="input-too-large"]');
      await check(page, '09-request-refused', shots);
      // Pasted text: no file name, the note on its bytes; not a request at all (issue 14).
      await page.$eval('#step-request details.paste', (d) => { d.open = true; });
      await page.fill('#request-paste', fs.readFileSync(data('request/bad/guid-without-braces.xml'), 'utf8'));
      await page.click('#request-paste-check');
      await page.waitForSelector('#request-pasted-note');
      assert.equal(await page.textContent('#request-name'), 'Geplakte tekst');
      await check(page, '09a-request-pasted', shots);
      await dropFile(page, '#request-drop', data('request/bad/pem-not-request.xml'), 'root.pem');
      await page.waitForSelector('#request-result .finding[data-code="pem-not-request"]');
      await check(page, '09b-request-pem', shots);
      // Files dropped on the page outside the zones, refused in words (issue 14).
      await dropFiles(page, 'body', [
        { path: data('request/bad/binary-file.xml'), name: 'screenshot.png' },
        { path: data('keys/test-root.pem') },
        { path: data('chain/test-root.xrml-key.txt') },
        { path: data('request/good/RMS02EnrollRequest.xml') },
        { path: data('request/good/RMS03EnrollRequest.xml') },
      ]);
      await page.waitForFunction(() => document.querySelectorAll('#drop-notices li').length === 5);
      await check(page, '09c-drop-refused', shots);
      await page.click('#drop-notices-dismiss');
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#request-result[data-status="pass"]');

      // Step 4: an anchor file that is no key, then the test root; chain valid and damaged.
      await page.$eval('#anchor details', (d) => { d.open = true; });
      await page.setInputFiles('#anchor-input', { name: 'lab.xrml-key.txt', mimeType: 'text/plain', buffer: Buffer.from('# nothing here\n') });
      await page.waitForSelector('#anchor-error');
      assert.match(await page.textContent('#anchor-error'), /^lab\.xrml-key\.txt is geen bruikbaar basissleutelbestand: /);
      await check(page, '10-anchor-refused', shots);
      await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
      await page.waitForSelector('#anchor-custom');
      await dropFile(page, '#chain-drop', data('chain/good/sha1-compact.xml'));
      await page.waitForSelector('#verdict[data-verdict="answers-request"]');
      await page.waitForSelector('#next-steps');
      await check(page, '11-chain-valid', shots);
      if (RECEIPT_TYPED) await checkReceipt(app, '11-receipt');
      await page.fill('#far-side', `SHA256  ${'0'.repeat(64)}  RMS01EnrollRequest.xml`);
      await page.waitForSelector('#far-side-result');
      await check(page, '12-far-side', shots);
      await dropFile(page, '#chain-drop', data('chain/bad/tampered-signature.xml'));
      await page.waitForSelector('#verdict[data-verdict="not-valid"]');
      assert.match(await page.textContent('#verdict-reason'), /Een handtekening in de keten klopt niet/);
      await check(page, '13-chain-damaged', shots);
      if (RECEIPT_TYPED) await checkReceipt(app, '13-receipt');
      await dropFile(page, '#chain-drop', data('chain/bad/resp-opened-in-browser.htm'));
      await page.waitForSelector('#chain-result .finding[data-code="browser-rendering"]');
      await check(page, '13a-chain-browser-view', shots);

      // The Inspect section with a mode-2 set and a broken file.
      await page.setInputFiles('#inspect-input', ['mode2/slc.xml', 'mode2/clc-response.xml', 'mode2/rac-temporary.xml', 'broken/clc-tampered.xml'].map((f) => data(`workbench/${f}`)));
      await page.waitForSelector('#inspect-table tbody tr');
      await page.check('#inspect-table tbody tr:nth-child(1) input.compare');
      await page.check('#inspect-table tbody tr:nth-child(2) input.compare');
      await page.waitForSelector('#inspect-compare');
      await check(page, '14-inspect', shots);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
