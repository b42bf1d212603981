// Driven by `cargo xtask bench`: wasm verification time in headless Chromium (hosted build,
// through window.wasmBindings), and the single file's time to interactive and drop-to-verdict.
// Prints one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serveDist, data, DIST } from './harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
const out = {};
try {
  const server = await serveDist();
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#step-request');
  await page.waitForFunction(() => window.wasmBindings?.bench_verify_chain);
  const args = {
    chain: [...fs.readFileSync(data('chain/good/sha1-compact.xml'))],
    request: [...fs.readFileSync(data('request/good/RMS01EnrollRequest.xml'))],
    anchor: fs.readFileSync(data('chain/test-root.xrml-key.txt'), 'utf8'),
  };
  const runs = [];
  for (let i = 0; i < 5; i++) {
    runs.push(await page.evaluate(({ chain, request, anchor }) => window.wasmBindings.bench_verify_chain(new Uint8Array(chain), new Uint8Array(request), anchor, 50), args));
  }
  out.wasm_verify_ms = median(runs);
  const floor = [];
  for (let i = 0; i < 5; i++) {
    floor.push(await page.evaluate(({ chain }) => window.wasmBindings.bench_rsa_floor(new Uint8Array(chain), 50), args));
  }
  out.wasm_rsa_floor_ms = median(floor);
  await page.close();
  await server.close();

  const single = pathToFileURL(path.join(DIST, 'slc-courier.html')).href;
  const interactive = [];
  const verdict = [];
  for (let i = 0; i < 5; i++) {
    const p = await browser.newPage();
    await p.goto(single);
    await p.waitForSelector('#step-request', { state: 'attached' });
    interactive.push(await p.evaluate(() => performance.now()));
    await p.click('#anchor summary');
    await p.setInputFiles('#anchor-input', data('chain/test-root.xrml-key.txt'));
    await p.waitForSelector('#anchor-custom');
    verdict.push(await p.evaluate(({ chain }) => new Promise((resolve) => {
      const t0 = performance.now();
      new MutationObserver((_, obs) => {
        if (document.querySelector('#verdict')) { obs.disconnect(); resolve(performance.now() - t0); }
      }).observe(document.body, { childList: true, subtree: true });
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(chain)], 'chain.xml'));
      document.querySelector('#chain-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }), { chain: args.chain }));
    await p.close();
  }
  out.single_file_interactive_ms = median(interactive);
  out.drop_to_verdict_ms = median(verdict);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
