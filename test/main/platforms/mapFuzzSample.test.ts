// The seeded, small sample of the mapper fuzz that `npm test` runs (npm run test:fuzz runs
// 10,000 per platform): every platform's mapper turns a mutated payload into an order or a
// MapError naming where, and the rest of the batch still lands.
import { beforeAll, describe, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { checkMutated, FUZZ_PLATFORMS, mutationArb, samplePayloads } from '../../support/payloadFuzz';

for (const platform of FUZZ_PLATFORMS) {
  describe(`${platform} mapper under mutated payloads (sample)`, () => {
    let payloads: unknown[] = [];
    beforeAll(async () => { payloads = await samplePayloads(platform); });
    it('never crashes: an order or a MapError, and the batch still lands', () => {
      fc.assert(fc.property(fc.nat(), mutationArb, (i, m) => checkMutated(platform, payloads, i, m)), { numRuns: 300, seed: 2026 });
    });
  });
}
