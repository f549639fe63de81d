// The warehouse floor's rules (issue 7): carriers, waves, pick lists in walking order,
// scan-to-verify at the pack station, and the handover manifest. Pure functions with reasons.
export * from './locationOrder';
export * from './carrier';
export * from './waves';
export * from './pickList';
export * from './gs1';
export * from './verify';
export * from './handover';
export * from './records';
export * from './settings';
