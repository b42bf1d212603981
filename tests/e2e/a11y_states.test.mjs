// Issue 14: zero axe-core violations (every impact) in every state of the flow — nothing
// loaded, request valid and damaged, the root certificate checked, chain valid and damaged,
// drop notices and a copy confirmation shown — in light and dark, at 1280 px and 390 px (a
// phone), in English and Dutch, in both modes. In every state the page reads top to bottom
// without horizontal scrolling and no status badge wraps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, dropFiles, data, MODES, ROOT, SHARED } from './harness.mjs';

const NOW = new Date('2026-11-22T12:00:00Z');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Every axe violation, and the layout faults a reader meets, in the current state. */
async function faults(page) {
  if (!(await page.evaluate(() => !!globalThis.axe))) await page.evaluate(`${AXE}; undefined`);
  // Closed <details> are opened, so what they hold is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const out = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  const layout = await page.evaluate(() => {
    const bad = [];
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over > 0) {
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed');
      bad.push(`horizontal scrolling of ${over}px: ${wide.slice(0, 4).map((e) => e.id || `${e.tagName}.${e.className}`).join(', ')}`);
    }
    // Inside a visually hidden box (1 px, clipped): not seen, not laid out for reading.
    const clipped = (el) => {
      for (let a = el; a; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) return true;
      }
      return false;
    };
    // The workbench table is deliberately wider than the text column on a wide screen (as wide
    // as the window, centred): the boxes around it are not "stuck out of" by it as long as it
    // stays inside the window.
    const wide = document.querySelector('#inspect-table');
    const wideFits = wide && wide.getBoundingClientRect().left >= 0 && wide.getBoundingClientRect().right <= window.innerWidth;
    // Text wider than its own box (a long word sticking out of a card), scroll boxes aside.
    for (const e of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(e);
      if (cs.display === 'inline' || cs.display === 'none' || cs.overflowX !== 'visible' || e.clientWidth === 0) continue;
      if (clipped(e)) continue;
      if (wideFits && e.contains(wide)) continue;
      if (e.scrollWidth > e.clientWidth + 1) bad.push(`sticks out of its box by ${e.scrollWidth - e.clientWidth}px: ${e.id || `${e.tagName}.${e.className}`} "${e.textContent.slice(0, 40)}"`);
    }
    for (const b of document.querySelectorAll('.badge')) {
      const r = b.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.5;
      if (r.width > 0 && r.height > line * 1.6) bad.push(`badge wraps: "${b.textContent}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return bad;
  });
  return [...out, ...layout];
}

async function useTestAnchor(page) {
  await page.$eval('#anchor details', (d) => { d.open = true; });
  await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
  await page.waitForSelector('#anchor-custom');
}

/** The states, in the order a person meets them; each returns once the state is shown. */
const STATES = [
  ['initial', async () => {}],
  ['request-damaged', async (page) => {
    await dropFile(page, '#request-drop', data('request/bad/revocation-nonrevocable.xml'), 'RMS01EnrollRequest.xml');
    await page.waitForSelector('#request-result[data-status="fail"]');
  }],
  ['request-valid', async (page) => {
    await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
    await page.waitForSelector('#request-result[data-status="pass"]');
  }],
  ['trust-root', async (page) => {
    const gte = path.join(SHARED, 'roots/gte-cybertrust-global-root.pem');
    await page.setInputFiles('#root-drop-input', fs.existsSync(gte) ? gte : data('keys/test-root.pem'));
    await page.waitForSelector('#root-result');
  }],
  ['chain-damaged', async (page) => {
    await useTestAnchor(page);
    await dropFile(page, '#chain-drop', data('chain/bad/tampered-signature.xml'));
    await page.waitForSelector('#verdict[data-verdict="not-valid"]');
  }],
  ['chain-valid', async (page) => {
    await dropFile(page, '#chain-drop', data('chain/good/sha1-compact.xml'));
    await page.waitForSelector('#next-steps');
  }],
  ['drop-refused-and-copied', async (page) => {
    await dropFiles(page, 'body', [{ path: data('request/bad/binary-file.xml'), name: 'screenshot.png' }, { path: data('keys/test-root.pem') }]);
    await page.waitForSelector('#drop-notices li');
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.resolve(); });
    await page.click('#copy-gte-root-in-store');
    await page.waitForFunction(() => document.querySelector('#copy-gte-root-in-store + .copy-said').textContent !== '');
  }],
  ['inspect-workbench', async (page) => {
    const dir = data('workbench');
    const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.xml')).map((f) => path.join(dir, f));
    await page.setInputFiles('#inspect-input', files);
    await page.waitForSelector('#inspect-table tr[data-doc]');
  }],
];

for (const mode of MODES) {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      test(`${mode}, ${colorScheme}, ${width}px: no axe violation, no horizontal scrolling, in English and Dutch, in every state`, async () => {
        const app = await openApp(browser, mode, { colorScheme, viewport: { width, height: 900 } });
        const { page } = app;
        await page.clock.setFixedTime(NOW);
        const found = [];
        try {
          for (const [state, enter] of STATES) {
            await enter(page);
            for (const lang of ['en', 'nl']) {
              await page.selectOption('#lang', lang);
              await page.waitForFunction((l) => document.documentElement.lang === l, lang);
              for (const f of await faults(page)) found.push(`${state} ${lang}: ${f}`);
            }
          }
          assert.deepEqual(found, []);
          assert.deepEqual(app.errors, []);
        } finally {
          await app.close();
        }
      });
    }
  }
}
