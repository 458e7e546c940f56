const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else cannot name a row, so it is filtered before it reaches SQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
