// `npm start` on a machine without the Electron runtime (this one): one plain sentence, then
// serve mode answering /healthz — no prompt, no stack trace.
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../main/launch/electronRuntime';
import { spawnServe } from '../support/serve';

describe('npm start without the Electron runtime', () => {
  it.skipIf(!!electronBinary())('says so in one sentence and runs serve mode', async () => {
    const s = await spawnServe({ entry: 'start.ts', env: { WHARF_DEMO: '0' } });
    try {
      const lines = s.stdout().trim().split('\n');
      expect(lines[0]).toBe('The Electron runtime is not installed on this machine, so Wharf starts in serve mode for your browser instead.');
      expect(lines[1]).toMatch(/^Wharf is running at http:\/\/127\.0\.0\.1:\d+/);
      const health = await fetch(`${s.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true });
      expect(s.stderr()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      await s.stop();
    }
  });
});
