export * from './export';
export * from './failures';
export * from './inputs';
export * from './overview';
export * from './policies';
export * from './signup';
export * from './vetting';
