export * from './charts';
export * from './inputs';
export * from './settings';
