// What every platform connector gives the sync engine. One folder per platform implements it.
import type { NormalizedOrder, Platform, SignMethod } from '../../../shared/domain/types';
import type { Clock } from '../../../shared/clock';
import type { PlainReceiver } from '../../../shared/contract';

export interface ShopCredentials {
  shopId: string;
  platform: Platform;
  gatewayUrl: string;
  appKey: string;
  secret: string;
  session: string;
  signMethod: SignMethod;
}

/** One fetched platform order, as the platform gave it, plus what sync needs to file it. */
export interface RawOrder {
  /** the platform order id as text */
  orderId: string;
  /** platform modified time, epoch ms */
  modifiedAt: number;
  /** the platform's own payload (full detail), kept verbatim for the inbox */
  payload: unknown;
}

/** An error the platform itself answered: its own code and message, and whether to retry. */
export class PlatformCallError extends Error {
  constructor(
    readonly api: string,
    readonly code: string,
    readonly platformMessage: string,
    readonly retryable: boolean,
    readonly subCode?: string,
    readonly httpStatus?: number,
  ) {
    super(`${api}: ${code}${subCode ? `/${subCode}` : ''} ${platformMessage}`);
  }
}

export interface PullOptions {
  /** window start/end (epoch ms), end exclusive; the connector splits into platform-sized windows */
  start: number;
  end: number;
  /** called once per page of full orders; the cursor advances only after it resolves */
  onPage: (orders: RawOrder[]) => Promise<void>;
  signal?: AbortSignal;
}

export interface Connector {
  readonly platform: Platform;
  /** cheap authenticated call that proves app key, secret, session and clock are right */
  test(): Promise<void>;
  pull(opts: PullOptions): Promise<{ pages: number; orders: number }>;
  /** payload → Order; throws MapError (with where) for a malformed payload */
  map(payload: unknown, shopId: string): NormalizedOrder;
  /**
   * The decrypted receiver of one order (a permissioned, logged action; the result is shown,
   * never stored). `scene` is the platform's decrypt purpose code.
   */
  revealReceiver(q: { orderId: string; mergeKey: string; scene: string }): Promise<PlainReceiver>;
  /** the platform's largest window for one incremental query, ms */
  readonly maxWindowMs: number;
}

export class MapError extends Error {
  constructor(readonly where: string, message: string) { super(`${where}: ${message}`); }
}

import type { RequestBudget } from './budget';

export interface ConnectorDeps {
  clock: Clock;
  /** retries/backoff wait through this, so tests never sleep */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** the platform app's request budget: every HTTP call takes a token first */
  budget?: RequestBudget;
}
