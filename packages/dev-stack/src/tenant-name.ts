import { createHash } from 'node:crypto';

/** A tenant named on the command line: a UUID as given, any other name mapped to a stable UUID. */
export function tenantIdFor(name: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name)) return name.toLowerCase();
  const hex = createHash('sha256').update(`rapport-tenant:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
