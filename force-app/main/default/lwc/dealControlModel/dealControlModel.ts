// Deal Control's scoring model: the one source of truth for values, labels, guidance, scoring,
// evidence rules and the model version. Pure functions only: no platform import, no clock.
export * from './text';
export * from './version';
export * from './picklists';
export * from './normalize';
export * from './stakeholderDimensions';
export * from './scorecardElements';
export * from './stakeholderScoring';
export * from './evidence';
export * from './scorecardScoring';
export * from './summary';
export * from './workNext';
export * from './contract';
export * from './links';
export * from './politicalFindings';
export * from './politicalMap';
export * from './politicalEvidence';
export * from './camps';
export * from './recordKey';
export * from './contactRoles';
