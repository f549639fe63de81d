// What every platform connector gives the sync engine. One folder per platform implements it.
import type { NormalizedOrder, Platform, SignMethod } from '../../../shared/domain/types';
import type { Clock } from '../../../shared/clock';
import type { PlainReceiver } from '../../../shared/contract';
import type { StockPushFailure, StockPushItem } from '../../../shared/domain/writeBack';

export interface ShopCredentials {
  shopId: string;
  platform: Platform;
  gatewayUrl: string;
  appKey: string;
  secret: string;
  /** the shop's access token (TOP calls it the session) */
  session: string;
  signMethod: SignMethod;
  /** where the platform issues one: used to renew the access token when it lapses */
  refreshToken?: string;
  /** Kuaishou signs with a separate signSecret, not the app secret */
  signSecret?: string;
}

/** Renewed authorization, handed to the host to keep (sealed) for the next pull. */
export interface RenewedTokens { session: string; refreshToken?: string; expiresAt?: number }

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
    /** the shop's authorization lapsed and could not be renewed: someone must re-authorize it */
    readonly reauthorize = false,
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
  /**
   * Tracking write-back: the order (or the named lines) left with this carrier and number.
   * `carrierCode` is Wharf's code (ZTO, YTO, YUNDA, STO, SF, JTSD); each connector maps it to the
   * platform's own carrier id and refuses an unknown one with a clear message.
   */
  ship(q: ShipRequest): Promise<void>;
  /** Seller memo and flag (0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple) write-back. */
  setMemo(q: MemoRequest): Promise<void>;
  /**
   * Sellable stock write-back: each listing's absolute quantity, split into the platform's batch
   * sizes and turned into its full or incremental form. A listing the platform refuses (deleted,
   * unknown SKU) is returned in `failed` while the rest still go; an error about the whole call
   * (gateway, signature, token, rate limit after retries) throws PlatformCallError. Sending the
   * same push again is harmless: the quantities are absolute.
   */
  pushStock(q: StockPushRequest): Promise<{ failed: StockPushFailure[] }>;
  /** the platform's largest window for one incremental query, ms */
  readonly maxWindowMs: number;
  /**
   * How far behind the platform's clock a pull must stop (PDD: 3 min, Youzan: 30 s); the engine
   * never asks for newer windows, so the cursor never passes what the platform has indexed.
   */
  readonly mandatedDelayMs?: number;
}

export interface ShipRequest { orderId: string; lineIds?: string[]; carrierCode: string; trackingNo: string }
export interface MemoRequest { orderId: string; memo: string; flag?: number }
export interface StockPushRequest { items: StockPushItem[] }

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
  /** called after the connector renewed the shop's access token (and maybe refresh token) */
  onTokens?: (t: RenewedTokens) => void;
}
