export * from './consumer.js';
export * from './event-id.js';
export * from './kafka.js';
export * from './migration.js';
export * from './outbox.js';
export * from './relay.js';
export * from './topics.js';
export * from './service-messaging.js';
