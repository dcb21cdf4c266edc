export * from './dashboard';
export * from './inputs';
export * from './login';
