// Issue 16, the rest: in both modes and both languages — a document is saved byte for byte as
// found (UTF-16 stays UTF-16, an escaped one is its escaped text) with the decoded copy offered
// apart; the evidence report's sha256 is of those bytes; every file's problems are listed under
// it (no XrML, too large, a failed signature); a RAC's kind says how it was told.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, data, MODES } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

// What each language says (exact).
const WORDS = {
  en: {
    save: 'Save as found',
    decoded: 'Save decoded copy',
    basis: 'by its validity of 15 minutes',
    problems: 'Problems per file',
    notes: 'Error · No <XrML> certificate was found in the file (16 bytes).',
    huge: 'Error · huge.xml is 67,108,865 bytes; the limit here is 67,108,864 bytes, so it was not read.',
    tampered: 'Error · listed as #4 · Document 1 (Client-Licensor-Certificate): the hash of its BODY does not equal the signed digest.',
    utf16: '5,418 bytes at offset 80, UTF-16LE',
  },
  nl: {
    save: 'Opslaan zoals gevonden',
    decoded: 'Gedecodeerde kopie opslaan',
    basis: 'afgeleid uit de geldigheid van 15 minuten',
    problems: 'Problemen per bestand',
    notes: 'Fout · Er is geen <XrML>-certificaat in het bestand gevonden (16 bytes).',
    huge: 'Fout · huge.xml is 67.108.865 bytes; de limiet is hier 67.108.864 bytes, dus het is niet gelezen.',
    tampered: 'Fout · #4 in de lijst · Document 1 (Client-Licensor-Certificate): de hash van de BODY is niet gelijk aan de ondertekende digest.',
    utf16: '5.418 bytes vanaf positie 80, UTF-16LE',
  },
};

for (const mode of MODES) {
  for (const lang of ['en', 'nl']) {
    test(`${mode}, ${lang}: saved as found, problems per file, the RAC's kind and why`, async () => {
      const w = WORDS[lang];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slc-found-'));
      const notes = path.join(dir, 'notes.txt');
      fs.writeFileSync(notes, 'just some notes\n');
      // One byte over the page's 64 MiB budget, sparse: refused by its size, never read.
      const huge = path.join(dir, 'huge.xml');
      fs.closeSync(fs.openSync(huge, 'w'));
      fs.truncateSync(huge, 64 * 1024 * 1024 + 1);
      const app = await openApp(browser, mode);
      const { page } = app;
      await page.clock.setFixedTime(NOW);
      try {
        await page.selectOption('#lang', lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        const files = ['mode1/clc.drm', 'mode2/clc-response.xml', 'mode2/rac-temporary.xml', 'broken/clc-tampered.xml'];
        await page.setInputFiles('#inspect-input', [...files.map((f) => data(`workbench/${f}`)), notes, huge]);
        await page.waitForFunction(() => document.querySelectorAll('#inspect-table tr[data-doc]').length === 4);
        await page.waitForSelector('#inspect-problems li[data-file="5"]');
        // Problems per file, in the page's language, under each file's name.
        assert.equal(await page.textContent('#inspect-problems h3'), w.problems);
        const problems = await page.$$eval('#inspect-problems > ul > li', (l) => l.map((x) => [x.dataset.file, x.dataset.codes, x.querySelector('span').textContent, [...x.querySelectorAll('li')].map((i) => i.textContent)]));
        assert.deepEqual(problems, [
          ['3', 'digest-mismatch', 'clc-tampered.xml', [w.tampered]],
          ['4', 'no-xrml-found', 'notes.txt', [w.notes]],
          ['5', 'input-too-large', 'huge.xml', [w.huge]],
        ]);
        // The UTF-16LE CLC: saved as its UTF-16 bytes, exactly as in the file; the decoded
        // UTF-8 copy is a separate, differently named file.
        const drm = fs.readFileSync(data('workbench/mode1/clc.drm'));
        assert.equal(await page.textContent('tr[data-doc="0"] button.save'), w.save);
        assert.equal(await page.getAttribute('tr[data-doc="0"] button.save', 'title'), w.utf16);
        const found = await download(page, 'tr[data-doc="0"] button.save');
        assert.equal(found.name, 'clc-1-clc.xml');
        assert.ok(found.bytes.equals(drm.subarray(80, 80 + 5418)));
        assert.equal(await page.textContent('tr[data-doc="0"] button.save-decoded'), w.decoded);
        const decoded = await download(page, 'tr[data-doc="0"] button.save-decoded');
        assert.equal(decoded.name, 'clc-1-clc.decoded.xml');
        assert.equal(decoded.bytes.toString('utf8'), found.bytes.toString('utf16le'));
        // The escaped CLC of a response: its escaped text as written.
        const response = fs.readFileSync(data('workbench/mode2/clc-response.xml'));
        const escaped = await download(page, 'tr[data-doc="1"] button.save');
        assert.equal(escaped.name, 'clc-response-1-clc.escaped.txt');
        assert.ok(escaped.bytes.equals(response.subarray(69, 69 + 3915)));
        assert.ok(escaped.bytes.toString().startsWith('&lt;XrML'));
        // A UTF-8 document is its own decoded copy: one button.
        assert.equal(await page.$('tr[data-doc="2"] button.save-decoded'), null);
        const rac = await download(page, 'tr[data-doc="2"] button.save');
        assert.ok(fs.readFileSync(data('workbench/mode2/rac-temporary.xml')).includes(rac.bytes));
        // The RAC: temporary, inferred from its validity, and the page says so.
        assert.equal(await page.getAttribute('tr[data-doc="2"]', 'data-kind'), 'rac-temporary');
        assert.equal(await page.getAttribute('tr[data-doc="2"]', 'data-kind-basis'), 'validity');
        assert.equal(await page.textContent('tr[data-doc="2"] .kind-basis'), w.basis);
        assert.equal(await page.getAttribute('tr[data-doc="0"]', 'data-kind-basis'), null);
        // The evidence report hashes the bytes as found, and says which.
        const ev = await download(page, '#inspect-report-json');
        const json = JSON.parse(ev.bytes.toString('utf8'));
        assert.equal(json.schema, 'slc-courier-evidence/2');
        assert.equal(json.documents[0].sha256, sha(found.bytes));
        assert.equal(json.documents[0].decoded_sha256, sha(decoded.bytes));
        assert.deepEqual(json.documents[0].as_found, { offset: 80, length: 5418, encoding: 'utf-16le', escaped: false });
        assert.equal(json.documents[1].sha256, sha(escaped.bytes));
        assert.deepEqual(json.documents[2].kind_basis, { by: 'validity', marker: null, validity_minutes: 15 });
        assert.deepEqual(json.files.map((f) => f.refused), [false, false, false, false, false, true]);
        // The printable report lists the same problems in the same words.
        const html = (await download(page, '#inspect-report-html')).bytes.toString('utf8');
        const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        for (const p of [w.notes, w.huge, w.tampered]) assert.ok(html.includes(`<li>${esc(p)}</li>`), p);
        assert.ok(html.includes(`<small>${esc(w.basis)}</small>`));
        assert.deepEqual(app.errors, []);
      } finally {
        await app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
