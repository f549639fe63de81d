// Chinese addresses: the division tree, region checks, centroids and the free-text parser.
export {
  allProvinces,
  childrenOf,
  divisionByCode,
  hasDistricts,
  isMunicipality,
  lookupName,
  normalizeName,
  type Division,
  type DivisionLevel,
  type NameHit,
  type NameKind,
  type NameScope,
} from './divisions';
export { shortName, shortNames } from './names';
export { resolveRegion, type RegionIssue, type RegionIssueCode, type RegionNote, type RegionNoteCode, type RegionResult } from './region';
export { centroidByCode, centroidOf, haversineKm, type Centroid, type LatLng } from './geo';
export { findPhones, normalizePhone, type PhoneKind, type PhoneMatch } from './phone';
export { matchRegionAt, type RegionTextMatch } from './regionText';
export { parseAddress, type ParsedAddress } from './parse';
