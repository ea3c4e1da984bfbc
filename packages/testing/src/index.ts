export * from './test-database';
export * from './free-port';
export * from './nats-server';
export * from './event-tap';
export * from './eventually';
export * from './service-process';
export * from './event-publisher';
export * from './refusal';
