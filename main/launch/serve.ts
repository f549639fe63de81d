// `npm run serve`: Wharf for a browser at http://127.0.0.1:5780.
import { runServe } from './runServe';

await runServe();
