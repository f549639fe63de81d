// Must be the first import of the entry: zod decides at schema construction whether to
// compile parsers with `new Function`, which the renderer's strict CSP forbids.
import { z } from 'zod';

z.config({ jitless: true });
