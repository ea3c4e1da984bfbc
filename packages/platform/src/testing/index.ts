export * from './running-service';
export * from './migration-drift';
export { refusal } from '@tic/testing';
export * from './test-rpc-client';
export * from './metrics-scrape';
export * from './grafana-dashboard';
