export * from './export';
export * from './failures';
export * from './inputs';
export * from './queues';
export * from './steps';
export * from './overdue';
