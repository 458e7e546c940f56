export { startBroker, type BrokerOptions, type RunningBroker } from './broker.js';
export { crc32c } from './protocol/crc32c.js';
export { ADVERTISED_APIS } from './protocol/registry.js';
