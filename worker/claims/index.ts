export * from './export';
export * from './queues';
export * from './steps';
export * from './overdue';
