import { ErrorCode } from '../error-codes.js';
import { Writer } from '../writer.js';

export const API_VERSIONS_KEY = 18;
export const API_VERSIONS_MAX = 3;

export interface AdvertisedApi {
  key: number;
  minVersion: number;
  maxVersion: number;
}

/**
 * ApiVersions is encoded by hand: v3 is the only flexible message the broker speaks, and its
 * response header never carries tagged fields (KIP-511), unlike every other flexible response.
 * Requests above v3 get a v0-format UNSUPPORTED_VERSION answer so clients can step down.
 */
export function encodeApiVersionsResponse(correlationId: number, version: number, apis: readonly AdvertisedApi[]): Buffer[] {
  const w = new Writer(16 + apis.length * 8);
  w.int32(correlationId);
  const supported = version <= API_VERSIONS_MAX;
  w.int16(supported ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_VERSION);
  const flexible = supported && version >= 3;
  if (flexible) w.uvarint(apis.length + 1);
  else w.int32(apis.length);
  for (const a of apis) {
    w.int16(a.key).int16(a.minVersion).int16(a.maxVersion);
    if (flexible) w.uvarint(0);
  }
  if (supported && version >= 1) w.int32(0);
  // Empty tag section: librdkafka 2.0.2 mis-skips non-empty ones.
  if (flexible) w.uvarint(0);
  return w.frame();
}
