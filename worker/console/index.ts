export * from './dashboard';
export * from './failures';
export * from './inputs';
export * from './login';
