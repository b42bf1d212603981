// Issue 14, steps 2 and 3: say only what is true.
// Step 3 checks the enrollment address before it becomes a link or a form's target (refused
// inline with the core's finding codes, buttons disabled; http with a warning; reset to the
// default; what to do when nothing answers). Step 2 is in two parts — the procedure's
// prerequisites (every zone command, the GTE item's expiry up front) and this browser (facts,
// no PASS badges) — the clock is judged both ways, and the probe says what it reached and no
// more. Both modes (http://127.0.0.1 and file://).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openApp, dropFile, data, serveDist, DIST, ownOrigin, MODES } from './harness.mjs';

const DEFAULT = 'https://activation.drm.microsoft.com/offlineenroll/Enrollment.aspx';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A loopback endpoint: answers every request, or (`silent`) never answers. */
async function endpoint({ silent = false } = {}) {
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    if (silent) return;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>received</p>');
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/offlineenroll/Enrollment.aspx`,
    close: () => { for (const s of sockets) s.destroy(); return new Promise((r) => server.close(r)); },
  };
}

async function setAddress(page, value) {
  await page.fill('#enrollment-url', value);
  await page.press('#enrollment-url', 'Tab');
}

async function codes(page, scope) {
  return page.$$eval(`${scope} .finding`, (els) => els.map((e) => e.dataset.code));
}

/** Every href and form action on the page. */
async function targets(page) {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
    ...[...document.querySelectorAll('form')].map((e) => e.getAttribute('action')),
  ]);
}

for (const mode of MODES) {
  test(`${mode}: step 3 refuses an address that is not https or http, inline, and nothing can be opened or sent`, async () => {
    const app = await openApp(browser, mode);
    const { page } = app;
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    try {
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#submit-post');
      // The default is usable: a link and an enabled POST, no finding, reset disabled.
      assert.equal(await page.inputValue('#enrollment-url'), DEFAULT);
      assert.equal(await page.getAttribute('#open-enrollment', 'href'), DEFAULT);
      assert.equal(await page.isEnabled('#submit-post'), true);
      assert.deepEqual(await codes(page, '#address-check'), []);
      assert.equal(await page.isEnabled('#reset-url'), false);
      for (const [text, code] of [
        ['javascript:alert(document.domain)', 'address-scheme-refused'],
        ['ftp://x/y', 'address-scheme-refused'],
        ['data:text/html,<p>hi</p>', 'address-scheme-refused'],
        ['not a url', 'address-not-url'],
        ['https://user:secret@rms.example.test/enroll', 'address-credentials'],
        ['', 'address-empty'],
      ]) {
        await setAddress(page, text);
        await page.waitForSelector(`#address-check .finding[data-code="${code}"]`);
        assert.deepEqual(await codes(page, '#address-check'), [code], text);
        assert.equal(await page.$eval('#open-enrollment', (e) => e.tagName), 'BUTTON', text);
        assert.equal(await page.getAttribute('#open-enrollment', 'href'), null, text);
        assert.equal(await page.isDisabled('#open-enrollment'), true, text);
        assert.equal(await page.isDisabled('#submit-post'), true, text);
        assert.equal(await page.getAttribute('#enrollment-url', 'aria-invalid'), 'true', text);
        assert.ok(await page.isVisible('#address-refused'), text);
        // The refused text is nowhere a link or a form's target.
        for (const t of await targets(page)) {
          assert.ok(!/^(javascript|ftp|data):|user:secret|not a url/i.test(t ?? ''), `${text}: ${t}`);
        }
        // A click on the disabled controls does nothing.
        await page.click('#submit-post', { force: true });
        await page.click('#open-enrollment', { force: true });
        assert.equal(app.context.pages().length, 1, text);
        assert.equal(await page.isVisible('#no-answer'), false, text);
      }
      // The probe does not request a refused address either.
      assert.equal(await page.isDisabled('#probe-button'), true);
      assert.ok(await page.isVisible('#probe-not-usable'));
      assert.deepEqual(dialogs, []);
      // Reset to the default.
      assert.equal(await page.textContent('#default-url'), DEFAULT);
      await page.click('#reset-url');
      await page.waitForFunction(() => document.querySelector('#open-enrollment')?.tagName === 'A');
      assert.equal(await page.inputValue('#enrollment-url'), DEFAULT);
      assert.equal(await page.getAttribute('#open-enrollment', 'href'), DEFAULT);
      assert.equal(await page.isEnabled('#submit-post'), true);
      assert.equal(await page.isEnabled('#probe-button'), true);
      assert.deepEqual(await codes(page, '#address-check'), []);
      assert.equal(await page.isVisible('#address-refused'), false);
      assert.equal(await page.isEnabled('#reset-url'), false);
      const foreign = app.requests.filter((u) => !ownOrigin(app.base, u));
      assert.deepEqual(foreign, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

for (const mode of MODES) {
  test(`${mode}: step 3 uses an http address with a warning, and after opening says what to do when nothing answers`, async () => {
    const ep = await endpoint();
    const app = await openApp(browser, mode);
    const { page } = app;
    try {
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#submit-post');
      assert.equal(await page.isVisible('#no-answer'), false);
      await setAddress(page, `  ${ep.url}  `);
      await page.waitForSelector('#address-check .finding[data-code="address-http"]');
      assert.deepEqual(await codes(page, '#address-check'), ['address-http']);
      assert.equal(await page.$eval('#address-check .finding', (e) => e.classList.contains('warn')), true);
      assert.equal(await page.getAttribute('#open-enrollment', 'href'), ep.url);
      assert.equal(await page.isEnabled('#submit-post'), true);
      assert.equal(await page.isVisible('#address-refused'), false);
      assert.equal(await page.getAttribute('#enrollment-url', 'aria-invalid'), null);
      assert.equal(await page.isEnabled('#reset-url'), true);
      const [tab] = await Promise.all([app.context.waitForEvent('page'), page.click('#open-enrollment')]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), ep.url);
      await tab.close();
      await page.waitForSelector('#no-answer');
      const text = await page.textContent('#no-answer');
      assert.match(text, /decommissioned the Windows RMS enrollment service/);
      assert.match(text, /AD RMS clusters .* enroll themselves/);
      assert.match(text, /KB 2853958/);
      assert.match(text, /steps 10 and 11/);
      await page.selectOption('#lang', 'nl');
      assert.match(await page.textContent('#no-answer'), /buiten gebruik gesteld/);
      assert.match(await page.textContent('#no-answer'), /stap 8 en 9 van de procedure/);
      assert.match(await page.textContent('#address-check'), /gewoon http/);
      // The POST also leads there.
      await page.selectOption('#lang', 'en');
      const [tab2] = await Promise.all([app.context.waitForEvent('page'), page.click('#submit-post')]);
      await tab2.waitForLoadState();
      await tab2.close();
      assert.equal(await page.isVisible('#submit-error'), false);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
      await ep.close();
    }
  });
}

for (const mode of MODES) {
  test(`${mode}: step 2 has two parts, capabilities are facts without PASS badges, and the commands read every zone list`, async () => {
    const app = await openApp(browser, mode);
    const { page } = app;
    try {
      // Two parts, the procedure's first.
      const parts = await page.$$eval('#step-trust > .part', (els) => els.map((e) => [e.id, e.querySelector('h3').textContent]));
      assert.deepEqual(parts, [['trust-prerequisites', "The procedure's prerequisites"], ['trust-browser', 'This browser']]);
      assert.ok(await page.$('#trust-prerequisites #manual-checks'));
      assert.ok(await page.$('#trust-prerequisites #root-drop'));
      assert.ok(await page.$('#trust-browser #measured'));
      assert.ok(await page.$('#trust-browser #probe-button'));
      // Facts: a label and a value per row, no badge, no PASS anywhere in step 2.
      assert.equal(await page.locator('#measured tr').count(), 6);
      assert.equal(await page.locator('#measured td').count(), 6);
      assert.equal(await page.locator('#measured .badge').count(), 0);
      assert.equal(await page.locator('#step-trust [data-status="pass"], #step-trust .status.pass, #step-trust .badge.pass').count(), 0);
      assert.doesNotMatch(await page.textContent('#step-trust'), /\bPASS\b/);
      assert.match(await page.textContent('#measured tr[data-measured="online"] td'), /says nothing about whether the enrollment address can be reached|no connection/);
      // The zone commands: Domains, EscDomains and the policy keys, HKCU and HKLM each.
      const zone = await page.$$eval('#manual-checks li[data-check="trusted-sites-zone"] li[data-reads]', (els) => els.map((e) => [e.dataset.reads, e.querySelector('pre').textContent]));
      const base = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap';
      const policy = 'Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMapKey';
      assert.deepEqual(zone, [
        ['user-domains', `reg query "HKCU\\${base}\\Domains" /s`],
        ['machine-domains', `reg query "HKLM\\${base}\\Domains" /s`],
        ['user-esc-domains', `reg query "HKCU\\${base}\\EscDomains" /s`],
        ['machine-esc-domains', `reg query "HKLM\\${base}\\EscDomains" /s`],
        ['machine-policy', `reg query "HKLM\\${policy}"`],
        ['user-policy', `reg query "HKCU\\${policy}"`],
      ]);
      // What the output means: value 2 is Trusted sites.
      const reading = await page.textContent('#manual-checks li[data-check="trusted-sites-zone"] .reading');
      assert.match(reading, /0x2 is Trusted sites/);
      assert.match(reading, /EscDomains/);
      assert.match(reading, /data 2 means Trusted sites/);
      assert.match(reading, /IE Enhanced Security Configuration/);
      // The GTE item says first that the root expired, and what replaced it — before any file.
      assert.equal(await page.$('#root-result'), null);
      const gte = await page.$eval('#manual-checks li[data-check="gte-root-in-store"] > p', (e) => e.textContent);
      assert.match(gte, /^This root expired on 2018-08-13; it no longer matters\./);
      assert.match(gte, /DigiCert Global Root G2 and Microsoft RSA Root Certificate Authority 2017/);
      assert.match(gte, /decommissioned/);
      // The address to add is the origin, copied as text; every other copy is a runnable command.
      assert.equal(await page.textContent('#manual-checks li[data-check="add-trusted-site"] .command code'), 'https://activation.drm.microsoft.com');
      const cmds = await page.$$eval('#manual-checks pre', (els) => els.map((e) => e.textContent));
      assert.equal(cmds.length, 9);
      for (const c of cmds) assert.match(c, /^(reg query "HK(CU|LM)\\[^"]+"( \/s)?|certutil -verifystore Root [0-9a-f]{40})$/);
      // In Dutch too, two parts and the expiry first.
      await page.selectOption('#lang', 'nl');
      assert.deepEqual(await page.$$eval('#step-trust > .part h3', (els) => els.map((e) => e.textContent)), ['De vereisten van de procedure', 'Deze browser']);
      assert.match(await page.$eval('#manual-checks li[data-check="gte-root-in-store"] > p', (e) => e.textContent), /^Dit basiscertificaat is op 2018-08-13 verlopen/);
      if (mode === 'file') {
        assert.match(await page.textContent('#local-mode'), /behalve het ene verzoek van de test in stap 2/);
        await page.selectOption('#lang', 'en');
        // The banner no longer claims nothing leaves unless you submit: the probe sends a request.
        assert.match(await page.textContent('#local-mode'), /except the one request of the probe in step 2/);
        assert.match(await page.textContent('#browser-findings .finding[data-code="env-local-file-mode"]'), /unless you probe the enrollment address/);
      } else {
        assert.equal(await page.$('#local-mode'), null);
      }
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

for (const mode of MODES) {
  test(`${mode}: the probe of an http address says HTTP, not HTTPS, and the kind of outcome`, { timeout: 60000 }, async () => {
    const ep = await endpoint();
    const silent = await endpoint({ silent: true });
    const app = await openApp(browser, mode);
    const { page } = app;
    try {
      await setAddress(page, ep.url);
      assert.equal(await page.textContent('#step-trust .probe code'), ep.url);
      await page.click('#probe-button');
      await page.waitForSelector('#probe-result .finding[data-code="probe-reached"]');
      let text = await page.textContent('#probe-result');
      assert.match(text, /answered over plain HTTP/);
      assert.doesNotMatch(text, /HTTPS|TLS/);
      assert.match(text, /does not let the page see the response's status or content/);
      assert.equal(await page.getAttribute('#probe-result', 'role'), 'status');
      // The outcome belongs to its address: another address shows none.
      await setAddress(page, silent.url);
      assert.equal(await page.locator('#probe-result .finding').count(), 0);
      // No answer within the limit.
      await page.click('#probe-button');
      await page.waitForSelector('#probe-result .finding[data-code="probe-timed-out"]', { timeout: 20000 });
      text = await page.textContent('#probe-result');
      assert.match(text, /The HTTP request to .* got no answer within 8 seconds/);
      assert.doesNotMatch(text, /HTTPS/);
      // Failed before any answer.
      await setAddress(page, ep.url);
      await ep.close();
      await page.click('#probe-button');
      await page.waitForSelector('#probe-result .finding[data-code="probe-unreachable"]');
      text = await page.textContent('#probe-result');
      assert.match(text, /The plain HTTP request to .* failed before any answer/);
      assert.doesNotMatch(text, /HTTPS|TLS/);
      await page.selectOption('#lang', 'nl');
      text = await page.textContent('#probe-result');
      assert.match(text, /Het gewone HTTP-verzoek aan .* mislukte voordat er antwoord kwam/);
      assert.doesNotMatch(text, /HTTPS|TLS/);
      // An https address that answers is said to be HTTPS (intercepted: nothing leaves).
      await page.selectOption('#lang', 'en');
      await page.route('https://rms.example.test/**', (r) => r.fulfill({ status: 500, body: '' }));
      await setAddress(page, 'https://rms.example.test/enroll');
      await page.click('#probe-button');
      await page.waitForSelector('#probe-result .finding[data-code="probe-reached"]');
      assert.match(await page.textContent('#probe-result'), /answered over HTTPS/);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
      await ep.close();
      await silent.close();
    }
  });
}

/** Opens the app with the clock fixed at `time` from the first script on. */
async function openAt(mode, time) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(time);
  let server = null;
  if (mode === 'hosted') {
    server = await serveDist();
    await page.goto(server.url);
  } else {
    await page.goto(pathToFileURL(path.join(DIST, 'slc-courier.html')).href);
  }
  await page.waitForSelector('#step-request', { timeout: 30000 });
  return { page, close: async () => { await context.close(); if (server) await server.close(); } };
}

for (const mode of MODES) {
  test(`${mode}: a clock centuries ahead is a warning, and no verdict shows negative days as fine`, async () => {
    const app = await openAt(mode, new Date('2300-01-01T00:00:00Z'));
    const { page } = app;
    try {
      assert.match(await page.textContent('#measured tr[data-measured="clock"] td'), /^2300-01-01T00:00Z \(UTC\), years after this tool was built$/);
      await page.waitForSelector('#browser-findings .finding.warn[data-code="env-clock-suspect"]');
      assert.match(await page.textContent('#browser-findings .finding[data-code="env-clock-suspect"]'), /The clock says 2300-01-01T00:00Z, more than 5 years after this tool was built/);
      await dropFile(page, '#request-drop', data('request/good/RMS01EnrollRequest.xml'));
      await page.waitForSelector('#request-result');
      await page.click('#anchor summary');
      await page.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
      await page.waitForSelector('#anchor-custom');
      await dropFile(page, '#chain-drop', data('chain/good/sha1-compact.xml'));
      await page.waitForSelector('#verdict');
      assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'not-valid');
      assert.equal(await page.getAttribute('#verdict', 'data-valid'), 'false');
      assert.equal(await page.$('#expiry-date'), null);
      assert.doesNotMatch(await page.textContent('#step-verify'), /-\d+ days remaining/);
    } finally {
      await app.close();
    }
  });
}
