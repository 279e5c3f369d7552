import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../../scripts/serve-web';
import { CHROMIUM, requireChromium } from './harness';

test('a missing Chromium fails with the setup instruction', () => {
  expect(() => requireChromium('/nonexistent/chromium')).toThrow('scripts/setup.sh');
});

test('Chromium is installed where the e2e tests expect it', () => {
  expect(requireChromium()).toBe(CHROMIUM);
});

test('the static server serves only inside its folder, on loopback', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-serve-'));
  writeFileSync(join(dir, 'index.html'), '<p>ok</p>');
  const { server, url } = await serveDir(dir, 0);
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    await expect(ok.text()).resolves.toBe('<p>ok</p>');
    expect((await fetch(url + '..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await fetch(url + 'missing.js')).status).toBe(404);
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  }
});
