import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { BrokerState } from './broker-state.js';
import type { ApiDefinition, HandlerResult, RequestContext } from './protocol/api.js';
import { API_VERSIONS_KEY, encodeApiVersionsResponse } from './protocol/apis/api-versions.js';
import { Reader } from './protocol/reader.js';
import { ADVERTISED_APIS, API_BY_KEY } from './protocol/registry.js';
import { decode, encode } from './protocol/schema.js';
import { Writer } from './protocol/writer.js';

interface ResponseSlot {
  ready: boolean;
  chunks: Buffer[] | null;
}

/**
 * One client socket: splits the byte stream into size-prefixed frames, dispatches each request
 * as it arrives, and writes responses strictly in request order even when an earlier request
 * (long-poll Fetch, JoinGroup, a produce waiting for fsync) is still parked.
 */
export class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private frameSize = -1;
  private readonly slots: ResponseSlot[] = [];
  private readonly abort = new AbortController();
  private closed = false;
  readonly address: string;
  private readonly host: string;

  constructor(
    private readonly socket: Socket,
    private readonly broker: BrokerState,
    private readonly logger: Logger,
  ) {
    this.host = socket.remoteAddress ?? 'unknown';
    this.address = `${this.host}:${socket.remotePort ?? 0}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.socket.destroy();
  }

  private reject(reason: string, details: Record<string, unknown> = {}): void {
    if (this.closed) return;
    this.logger.warn({ client: this.address, ...details }, `closing connection: ${reason}`);
    this.close();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.closed && this.buffered >= 4) {
      if (this.frameSize < 0) {
        if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
        const size = this.chunks[0]!.readInt32BE(0);
        if (size < 8 || size > this.broker.config.maxRequestBytes) {
          this.reject(size < 8 ? 'malformed frame size' : 'request exceeds the maximum request size', {
            size,
            maxRequestBytes: this.broker.config.maxRequestBytes,
          });
          return;
        }
        this.frameSize = size + 4;
      }
      if (this.buffered < this.frameSize) return;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
      const frame = all.subarray(4, this.frameSize);
      const rest = all.subarray(this.frameSize);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.frameSize = -1;
      this.handleFrame(frame);
    }
  }

  private handleFrame(frame: Buffer): void {
    const r = new Reader(frame);
    let apiKey: number;
    let version: number;
    let correlationId: number;
    let clientId: string;
    try {
      apiKey = r.int16();
      version = r.int16();
      correlationId = r.int32();
      clientId = r.string();
    } catch {
      this.reject('malformed request header');
      return;
    }

    if (apiKey === API_VERSIONS_KEY) {
      // The body is ignored, so a v3+ header's tag section need not even be parsed.
      if (version > 3) this.logger.info({ client: this.address, version }, 'ApiVersions version not supported; answering in v0 format');
      this.enqueueReady(encodeApiVersionsResponse(correlationId, version, ADVERTISED_APIS));
      return;
    }

    const api = API_BY_KEY.get(apiKey);
    if (!api || version < api.minVersion || version > api.maxVersion) {
      // No schema exists to carry an error for an unknown (api, version): Kafka closes the connection too.
      this.reject(`unsupported api=${apiKey} v=${version} client=${clientId}`, { apiKey, version, clientId });
      return;
    }

    let request;
    try {
      request = decode(api.request, version, r);
    } catch (err) {
      this.reject(`malformed ${api.name} v${version} request`, { clientId, error: (err as Error).message });
      return;
    }

    const ctx: RequestContext = { version, clientId, clientHost: this.host, broker: this.broker, signal: this.abort.signal };
    const slot: ResponseSlot = { ready: false, chunks: null };
    this.slots.push(slot);
    let result: HandlerResult | Promise<HandlerResult>;
    try {
      result = api.handle(request, ctx);
    } catch (err) {
      this.failed(api, version, clientId, err);
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (res) => this.complete(slot, api, version, correlationId, res),
        (err: unknown) => this.failed(api, version, clientId, err),
      );
    } else {
      this.complete(slot, api, version, correlationId, result);
    }
  }

  private failed(api: ApiDefinition, version: number, clientId: string, err: unknown): void {
    this.logger.error({ client: this.address, clientId, api: api.name, version, err }, 'request handler failed; closing connection');
    this.close();
  }

  private enqueueReady(chunks: Buffer[]): void {
    this.slots.push({ ready: true, chunks });
    this.flush();
  }

  private complete(slot: ResponseSlot, api: ApiDefinition, version: number, correlationId: number, res: HandlerResult): void {
    if (res !== null) {
      const w = new Writer(256);
      w.int32(correlationId);
      encode(api.response, version, res, w);
      slot.chunks = w.frame();
    }
    slot.ready = true;
    this.flush();
  }

  private flush(): void {
    if (this.closed) return;
    let corked = false;
    while (this.slots.length > 0 && this.slots[0]!.ready) {
      const slot = this.slots.shift()!;
      if (!slot.chunks) continue;
      if (!corked) {
        this.socket.cork();
        corked = true;
      }
      for (const c of slot.chunks) this.socket.write(c);
    }
    if (corked) this.socket.uncork();
  }
}
