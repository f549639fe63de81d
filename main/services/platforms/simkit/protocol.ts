// What one platform's simulator adds to the shared harness: its id spelling, credentials,
// wire protocol (paths, signing, envelopes, paging) and how it renders the neutral order.
import type { IncomingHttpHeaders } from 'node:http';
import type { Platform } from '../../../../shared/domain/types';
import type { FaultPlan } from './faults';
import type { IdScheme } from './ids';
import type { SimOrder } from './model';
import type { SimStore } from './store';
import type { StockBook } from './stock';
import type { TokenBook } from './tokens';

export interface SimHttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimApiReply {
  status: number;
  body: string;
  contentType?: string;
  /** the API name for the call log (method, type, path…) */
  api: string;
  /** the call's parameters for the call log, secrets and signature left out */
  params: Record<string, unknown>;
  /** the platform's error code, or null on success */
  errorCode: string | number | null;
}

export interface SimCtx {
  seed: number;
  shopId: string;
  store: SimStore;
  /** per-listing stock, moved by the platform's stock APIs */
  stock: StockBook;
  tokens: TokenBook;
  /** app credentials under the platform's own names (the access token lives in `tokens`) */
  credentials: Record<string, string>;
  faults: FaultPlan;
  now(): number;
  /** per-protocol scratch space (last pages served, for duplicate_page) */
  memo: Map<string, unknown>;
}

/** The faults a protocol answers itself, in its own words; the harness does the transport ones. */
export type ProtocolFault = 'rate_limit' | 'token_expired' | 'duplicate_page' | null;

export interface SimProtocol {
  platform: Platform;
  ids: IdScheme;
  /** app credentials (not the token) derived from the seed, under the platform's names */
  appCredentials(seed: number): Record<string, string>;
  /** the name the first-line credentials give the access token ('access_token' everywhere so far) */
  tokenName: string;
  /** true for a path the platform API answers (the rest is admin or 404) */
  serves(path: string): boolean;
  /** one API call; never throws (errors are replies in the platform's envelope) */
  handle(ctx: SimCtx, req: SimHttpRequest, fault: ProtocolFault): SimApiReply;
  /** the order's full detail as the platform's detail API returns it */
  render(order: SimOrder, ctx: SimCtx): Record<string, unknown>;
  /** where a connector's gatewayUrl points, relative to the simulator's base URL */
  gatewayPath: string;
}
