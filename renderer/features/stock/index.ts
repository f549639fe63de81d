export { StockPage } from './StockPage';
export { SelfCheckPanel } from './SelfCheckPanel';
