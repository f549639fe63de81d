// Demo mode: a built-in simulator per demo shop (every platform Wharf speaks, two Taobao/Tmall
// shops) selling the demo company's catalogue, each connected as a demo shop. All are listening
// and hold their backlog before start-up finishes.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VirtualPrinter } from '../printers/virtualPrinter';
import type { Clock } from '../../../shared/clock';
import type { CompanySetup } from '../../../shared/domain/company';
import type { Platform } from '../../../shared/domain/types';
import type { HostConfig } from '../config';
import type { ShopStore } from '../store/shops';
import { parseCompanySetup } from '../store/company';
import { SIMULATED_PLATFORMS, startSimulator, type RunningSimulator } from '../platforms/simulators';
import { demoCatalogFor } from './catalogs';
import { plantTrickyOrders } from './tricky';

export const DEMO_COMPANY_FILE = fileURLToPath(new URL('../../../assets/demo/company.json', import.meta.url));

export function demoCompanySetup(): CompanySetup {
  return parseCompanySetup(JSON.parse(fs.readFileSync(DEMO_COMPANY_FILE, 'utf8')), DEMO_COMPANY_FILE);
}

export interface DemoHandle {
  channels: Array<{ platform: Platform; url: string }>;
  /** a label printer on a loopback socket that takes every job (the floor's preview shows them) */
  printer: { host: string; port: number };
  /** the flagship shop's simulator (kept for callers that show one URL) */
  url: string;
  close(): Promise<void>;
}

export async function startDemo(config: HostConfig, setup: CompanySetup, shops: ShopStore, clock: Clock): Promise<DemoHandle> {
  const available = new Set(SIMULATED_PLATFORMS());
  const wanted = setup.shops.filter((s) => s.demo && available.has(s.platform));
  const demoShops = wanted.length > 0 ? wanted : [{ id: 'demo-taobao', platform: 'taobao' as const, name: '演示淘宝店', pullIntervalMin: 15, signMethod: 'md5' as const }];
  const sims: RunningSimulator[] = [];
  const printer = new VirtualPrinter();
  let printerAt: { host: string; port: number };
  try {
    printerAt = await printer.start(0);
    // the flagship carries the full demo backlog; the other shops a quarter each, so the
    // pool still fills within seconds on a 2-core machine
    for (const [i, shop] of demoShops.entries()) {
      const sim = await startSimulator(shop.platform, {
        port: 0, seed: config.demoSeed + i, orders: i === 0 ? config.demoOrders : Math.round(config.demoOrders / 4),
        backlogSpanMs: config.demoSpanMs, arrivalsPerMin: i === 0 ? config.demoArrivalsPerMin : config.demoArrivalsPerMin / 4,
        catalog: demoCatalogFor(setup, shop.platform, i), shopId: shop.id,
      });
      sims.push(sim);
      const c = sim.shopCredentials();
      shops.addDemo(
        { id: shop.id, platform: shop.platform, name: shop.name, gatewayUrl: c.gatewayUrl, appKey: c.appKey, signMethod: shop.platform === 'taobao' ? shop.signMethod : c.signMethod, pullIntervalMin: shop.pullIntervalMin },
        { secret: c.secret, session: c.session, refreshToken: c.refreshToken, signSecret: c.signSecret },
      );
    }
    if (config.demoTricky) plantTrickyOrders(sims, clock.now());
  } catch (e) {
    await Promise.allSettled([...sims.map((s) => s.close()), printer.stop()]);
    throw e;
  }
  return {
    channels: sims.map((s) => ({ platform: s.platform, url: s.url })),
    printer: printerAt,
    url: sims[0]!.url,
    close: async () => { await Promise.allSettled([...sims.map((s) => s.close()), printer.stop()]); },
  };
}
