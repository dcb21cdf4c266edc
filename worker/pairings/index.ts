export * from './cadence';
export * from './children';
export * from './contacts';
export * from './failures';
export * from './inputs';
export * from './lists';
export * from './policies';
export * from './steps';
