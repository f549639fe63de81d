// The review desk: the held-order queue, the map-SKU queue, possible duplicates, merges.
export { ReviewPage } from './ReviewPage';
/** A row's open holds with their reasons (the pool and the order detail show them too). */
export { ReasonTags } from './ReasonTags';
export { REASONS, reasonName, reasonLabel, holdSentence, openHolds, reasonOf } from './reasons';
export { useReviewStore, type ReviewTab } from './reviewStore';
