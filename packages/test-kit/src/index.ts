export * from './database.js';
export * from './embedded-postgres.js';
export * from './tenants.js';
export * from './graphql.js';
export * from './infrastructure.js';
export * from './event-tap.js';
export * from './event-publisher.js';
