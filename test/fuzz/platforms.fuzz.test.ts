// npm run test:fuzz: 10,000 mutated payloads per platform through its mapper and an inbox batch.
import { beforeAll, describe, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { checkMutated, FUZZ_PLATFORMS, mutationArb, samplePayloads } from '../support/payloadFuzz';

for (const platform of FUZZ_PLATFORMS) {
  describe(`${platform} mapper fuzz`, () => {
    let payloads: unknown[] = [];
    beforeAll(async () => { payloads = await samplePayloads(platform); });
    it('10,000 mutated payloads: 0 crashes', () => {
      fc.assert(fc.property(fc.nat(), mutationArb, (i, m) => checkMutated(platform, payloads, i, m)), { numRuns: 10_000, seed: 7 });
    }, 300_000);
  });
}
