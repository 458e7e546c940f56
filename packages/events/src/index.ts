export * from './catalogue.js';
export * from './contracts/customer.events.js';
export * from './contracts/interaction.events.js';
export * from './contracts/ticket.events.js';
export * from './decode.js';
export * from './define-event.js';
export * from './envelope.js';
export * from './topics.js';
