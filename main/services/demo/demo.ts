// Demo mode: the built-in Taobao simulator with the demo company's catalogue, and a demo
// shop connected to it. It is listening and holds its backlog before start-up finishes.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../../shared/clock';
import type { CompanySetup } from '../../../shared/domain/company';
import type { HostConfig } from '../config';
import type { ShopStore } from '../store/shops';
import { parseCompanySetup } from '../store/company';
import { startTaobaoSimulator } from '../platforms/taobao/simulator';

export const DEMO_COMPANY_FILE = fileURLToPath(new URL('../../../assets/demo/company.json', import.meta.url));

export function demoCompanySetup(): CompanySetup {
  return parseCompanySetup(JSON.parse(fs.readFileSync(DEMO_COMPANY_FILE, 'utf8')), DEMO_COMPANY_FILE);
}

export interface DemoHandle { url: string; close(): Promise<void> }

/** What the demo shop sells: the company's SKUs as platform listings. */
export function demoCatalog(setup: CompanySetup) {
  return setup.skus.map((s) => ({ outerId: s.code, title: `${s.name} ${s.category}`.trim(), skuText: s.spec ? `规格:${s.spec}` : '', priceFen: s.priceFen || 1000 }));
}

export async function startDemo(config: HostConfig, setup: CompanySetup, shops: ShopStore, _clock: Clock): Promise<DemoHandle> {
  const demoShop = setup.shops.find((s) => s.demo && s.platform === 'taobao') ?? { id: 'demo-taobao', name: '演示淘宝店', pullIntervalMin: 15, signMethod: 'md5' as const };
  const sim = await startTaobaoSimulator({
    port: 0,
    host: '127.0.0.1',
    seed: config.demoSeed,
    orders: config.demoOrders,
    backlogSpanMs: config.demoSpanMs,
    arrivalsPerMin: config.demoArrivalsPerMin,
    catalog: demoCatalog(setup),
    shopId: demoShop.id,
  });
  shops.addDemo({
    id: demoShop.id,
    platform: 'taobao',
    name: demoShop.name,
    gatewayUrl: sim.routerUrl,
    appKey: sim.credentials.app_key,
    signMethod: demoShop.signMethod,
    pullIntervalMin: demoShop.pullIntervalMin,
  }, sim.credentials.app_secret, sim.credentials.session);
  return { url: sim.url, close: () => sim.close() };
}
