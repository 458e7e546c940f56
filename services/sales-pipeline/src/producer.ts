/** The producer name in the envelope of every event this service writes. */
export const SALES_PRODUCER = 'sales-pipeline';
