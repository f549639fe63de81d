export { SkusPage } from './SkusPage';
