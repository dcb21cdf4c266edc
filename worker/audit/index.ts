export * from './describe';
export * from './inputs';
export * from './trail';
export * from './write';
