export { WarehousesPage } from './WarehousesPage';
