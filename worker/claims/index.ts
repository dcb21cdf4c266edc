export * from './export';
export * from './queues';
export * from './steps';
