import { defineApi } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { field } from '../schema.js';

export const initProducerIdApi = defineApi({
  key: 22,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  request: [field('transactionalId', 'nullableString'), field('transactionTimeoutMs', 'int32')],
  response: [field('throttleTimeMs', 'int32'), field('errorCode', 'int16'), field('producerId', 'int64'), field('producerEpoch', 'int16')],
  handle(raw, { broker, clientHost }) {
    const { transactionalId } = raw as unknown as { transactionalId: string | null };
    if (transactionalId !== null) {
      // Transactions are not implemented; fail fast and non-retriably instead of half-working.
      broker.logger.warn({ client: clientHost, transactionalId }, 'rejected transactional producer: transactions are not supported');
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    return { throttleTimeMs: 0, errorCode: 0, producerId: broker.nextProducerId(), producerEpoch: 0 };
  },
});
