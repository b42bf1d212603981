// Shared harness for the browser end-to-end tests: Debian's Chromium through
// playwright-core, the hosted build served on 127.0.0.1, the single file over file://,
// and a log of every network request the page makes.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const DATA = path.join(ROOT, 'crates/core/tests/data');
export const SHARED = path.resolve(ROOT, '../shared/vectors');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Serves dist/ on 127.0.0.1 (random port). */
export async function serveDist(dir = DIST) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The two ways the app is opened. */
export const MODES = ['hosted', 'file'];

/**
 * Opens the app in `mode`; returns { page, context, requests, base, close }.
 * `requests` lists every URL the page requested (including the page itself).
 */
export async function openApp(browser, mode, { colorScheme = 'light', locale = 'en-US', viewport = { width: 1024, height: 768 } } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, colorScheme, locale, viewport });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let server = null;
  let base;
  if (mode === 'hosted') {
    server = await serveDist();
    base = server.url;
    await page.goto(base);
  } else {
    base = pathToFileURL(path.join(DIST, 'slc-courier.html')).href;
    await page.goto(base);
  }
  await page.waitForSelector('#step-request', { timeout: 30000 });
  return {
    page, context, requests, errors, base,
    close: async () => { await context.close(); if (server) await server.close(); },
  };
}

/** True for a request that stays on the page's own origin (or is the file itself). */
export function ownOrigin(base, url) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (base.startsWith('file:')) return url === base;
  return new URL(url).origin === new URL(base).origin;
}

/** Drops a file onto a drop zone, the way a user drags it from Explorer. */
export async function dropFile(page, selector, file, name = path.basename(file)) {
  const b64 = fs.readFileSync(file).toString('base64');
  await page.evaluate(({ selector, b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: 'text/xml' }));
    const target = document.querySelector(selector);
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { selector, b64, name });
}

export function sha256(file) {
  return import('node:crypto').then((c) => c.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
}

export function data(rel) {
  return path.join(DATA, rel);
}

/**
 * Drops several files at once onto `selector` (`body`: anywhere on the page, outside the drop
 * zones), as a user drags a selection from Explorer. `files`: [{ path | buffer, name, type }].
 * Returns whether the page cancelled dragover and drop (it must, or Chromium opens the file in
 * place of the page).
 */
export async function dropFiles(page, selector, files) {
  const list = files.map((f) => ({
    b64: (f.buffer ?? fs.readFileSync(f.path)).toString('base64'),
    name: f.name ?? path.basename(f.path),
    type: f.type ?? 'application/octet-stream',
  }));
  return page.evaluate(({ selector, list }) => {
    const dt = new DataTransfer();
    for (const f of list) {
      dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    }
    const target = document.querySelector(selector);
    const ev = (type) => new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, clientX: 10, clientY: 10 });
    const enter = !target.dispatchEvent(ev('dragenter'));
    const over = !target.dispatchEvent(ev('dragover'));
    const drop = !target.dispatchEvent(ev('drop'));
    return { enter, over, drop };
  }, { selector, list });
}
