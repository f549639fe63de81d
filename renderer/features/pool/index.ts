// Order pool (default screen) and order detail.
export { PoolPage } from './PoolPage';
export { PoolTable } from './PoolTable';
export { usePoolFilter } from './filterStore';
export { describeTimeline } from './detail/timeline';
