export * from './charts';
export * from './failures';
export * from './inputs';
export * from './school-contact';
export * from './settings';
