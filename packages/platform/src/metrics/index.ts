export * from './consumer-metrics';
export * from './metric-registry';
export * from './outbox-metrics';
export * from './platform-metrics.providers';
export * from './rpc-metrics';
export * from './rpc-metrics.interceptor';
export * from './rpc-outcome';
