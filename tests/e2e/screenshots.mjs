// `cargo xtask screenshots`: each step of the single file, light and dark, into
// docs/screenshots/ (the README shows them). Uses the generator's good request and chain.
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, dropFile, data, ROOT } from './harness.mjs';

const out = path.join(ROOT, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await launch();
try {
  for (const colorScheme of ['light', 'dark']) {
    const app = await openApp(browser, 'file', { colorScheme, viewport: { width: 1024, height: 768 } });
    const { page } = app;
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await dropFile(page, '#request-drop', data('request/bad/utf8-bom.xml'), 'RMS01EnrollRequest.xml');
    await page.waitForSelector('#request-result');
    await page.click('#anchor summary');
    await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
    await dropFile(page, '#chain-drop', data('chain/good/sha1-compact.xml'));
    await page.waitForSelector('#verdict');
    await page.fill('#far-side', 'SHA256 hash of RMS01EnrollRequest.xml:\n00 11 22');
    for (const step of ['request', 'trust', 'submit', 'verify', 'receipt']) {
      const file = path.join(out, `${step}-${colorScheme}.png`);
      await page.locator(`#step-${step}`).screenshot({ path: file });
      console.log(file);
    }
    await app.close();
  }
} finally {
  await browser.close();
}
