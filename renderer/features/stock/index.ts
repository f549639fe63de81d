export { StockPage } from './StockPage';
export { SelfCheckPanel } from './SelfCheckPanel';
export { saveStockSettings, type StockSettings } from './saveStockSettings';
export { validateStockSettings, tidyStockSettings, type StockSettingsIssue } from './stockSettingsDraft';
export { runReplenishCheck, announceAlerts, type AlertOutcome } from './replenishNotify';
export { ReplenishBanner, useReplenishCheck } from './ReplenishBanner';
export { useStockTab, type StockTabKey } from './stockTab';
