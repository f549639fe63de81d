// Shop management: list, add/edit/remove (shops.manage), connection test.
export { ShopsPage } from './ShopsPage';
