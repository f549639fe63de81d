// Excel/CSV import of platform order exports.
export { ImportPage } from './ImportPage';
