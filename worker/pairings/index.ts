export * from './children';
export * from './contacts';
export * from './failures';
export * from './inputs';
export * from './policies';
export * from './steps';
