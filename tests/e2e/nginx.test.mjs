// Issue 7: the hosted build under real nginx with the shipped configuration
// (deploy/nginx.conf + deploy/slc-courier-headers.conf, only `listen` and `root` replaced):
// the whole flow with zero CSP violations, proof that the CSP is live, the headers, and
// config.json read at deploy time (valid and malformed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { launch, dropFile, data, DIST, ROOT } from './harness.mjs';

let browser;
let nginx;
let base;
let www;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slc-nginx-'));

async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

before(async () => {
  www = path.join(tmp, 'www');
  fs.cpSync(DIST, www, { recursive: true });
  fs.chmodSync(tmp, 0o755);
  const port = await freePort();
  const site = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /var/www/slc-courier;', `root ${www};`)
    .replaceAll('include slc-courier-headers.conf;', `include ${path.join(ROOT, 'deploy/slc-courier-headers.conf')};`);
  assert.match(site, new RegExp(`listen 127.0.0.1:${port};`));
  fs.writeFileSync(path.join(tmp, 'site.conf'), site);
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${tmp}/${t};`).join(' ');
  fs.writeFileSync(path.join(tmp, 'nginx.conf'), `daemon off; worker_processes 1; pid ${tmp}/nginx.pid; error_log ${tmp}/error.log;
events { worker_connections 64; }
http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log ${tmp}/access.log; ${temps} include ${tmp}/site.conf; }
`);
  nginx = spawn('/usr/sbin/nginx', ['-c', path.join(tmp, 'nginx.conf'), '-p', tmp], { stdio: 'inherit' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill('SIGQUIT');
  await new Promise((r) => setTimeout(r, 300));
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Opens the page, recording CSP violations from the event and from the console. */
async function open() {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const console = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) console.push(m.text()); });
  await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
  await page.goto(base);
  await page.waitForSelector('#step-request');
  return { context, page, console };
}

test('nginx: headers are the shipped ones', async () => {
  const index = await fetch(base);
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  assert.doesNotMatch(html, /<script type="module">/, 'no inline bootstrap');
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][0], /integrity="sha384-/);
  const wasmName = fs.readdirSync(www).find((f) => f.endsWith('_bg.wasm'));
  const wasm = await fetch(base + wasmName);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(html, new RegExp(`integrity="sha384-[^"]+"[^>]*as="fetch"|href="./${wasmName}"[^>]*integrity="sha384-`));
});

test('nginx: the whole flow runs with zero CSP violations', async () => {
  const { context, page, console } = await open();
  try {
    await dropFile(page, '#request-drop', data('request/good/RMS02EnrollRequest.xml'));
    await page.waitForSelector('#request-result[data-status="pass"]');
    await page.click('#anchor summary');
    await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
    await dropFile(page, '#chain-drop', data('chain/good/sha256-response-utf8.xml'));
    await page.waitForSelector('#verdict[data-valid="true"]');
    assert.equal(await page.textContent('#expiry-date'), '2046-06-18');
    // The published hash is fetched after config.json; the receipt records it once shown.
    const published = fs.readFileSync(path.join(www, 'slc-courier.html.sha256'), 'utf8').split(/\s+/)[0];
    assert.equal(await page.textContent('#single-file-sha256'), published);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const receipt = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(receipt.verdict.valid, true);
    assert.equal(receipt.tool.single_file_sha256, published);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(console, []);
  } finally {
    await context.close();
  }
});

test('nginx: the CSP is live — an injected inline script is blocked', async () => {
  const { context, page } = await open();
  try {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1;';
      document.body.append(s);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.match((await page.evaluate(() => window.__csp)).join('\n'), /^script-src-elem inline/m);
  } finally {
    await context.close();
  }
});

test('nginx: config.json is read at deploy time, and a malformed one is reported', async () => {
  const config = path.join(www, 'config.json');
  const original = fs.readFileSync(config);
  try {
    fs.writeFileSync(config, JSON.stringify({ enrollmentUrl: 'https://rms-enroll.contoso.test/offline', defaultLanguage: 'nl', inspectThresholdDays: 30 }));
    let { context, page } = await open();
    await page.waitForFunction(() => document.querySelector('#h-request')?.textContent === '1. Aanvraag');
    assert.equal(await page.inputValue('#enrollment-url'), 'https://rms-enroll.contoso.test/offline');
    // The Inspect section's default threshold comes from config.json.
    await page.waitForFunction(() => document.querySelector('#inspect-threshold')?.value === '30');
    await context.close();

    fs.writeFileSync(config, '{ "enrollmentUrl": ');
    ({ context, page } = await open());
    await page.waitForSelector('#config-error');
    assert.match(await page.textContent('#config-error'), /^config\.json is not valid JSON \(line 1, column \d+\)/);
    assert.equal(await page.inputValue('#enrollment-url'), 'https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx');
    assert.equal(await page.inputValue('#inspect-threshold'), '90');
    await context.close();
  } finally {
    fs.writeFileSync(config, original);
  }
});
