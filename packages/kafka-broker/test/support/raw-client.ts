import { createRequire } from 'node:module';
import { Socket } from 'node:net';

const require = createRequire(import.meta.url);
// kafkajs' own encoders/decoders serve as an independent oracle for the broker's wire format.
const { requests } = require('kafkajs/src/protocol/requests') as { requests: Record<string, KafkajsApi> };
const encodeRequest = require('kafkajs/src/protocol/request') as (args: {
  correlationId: number;
  clientId: string;
  request: unknown;
}) => Promise<{ buffer: Buffer }>;

interface KafkajsApi {
  versions: string[];
  protocol(opts: { version: number }): (args?: Record<string, unknown>) => {
    request: { expectResponse?: () => boolean };
    response: { decode(buf: Buffer): Promise<unknown>; parse(decoded: unknown): Promise<unknown> };
  };
}

export const kafkajsRequests = requests;

/** A bare TCP client for protocol tests: frames in, frames out, nothing hidden. */
export class RawClient {
  private buf = Buffer.alloc(0);
  private frames: Buffer[] = [];
  private waiters: ((f: Buffer | null) => void)[] = [];
  private correlationId = 1;
  closed = false;
  readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 4 && this.buf.length >= 4 + this.buf.readInt32BE(0)) {
        const size = this.buf.readInt32BE(0);
        const frame = this.buf.subarray(4, 4 + size);
        this.buf = this.buf.subarray(4 + size);
        const w = this.waiters.shift();
        if (w) w(frame);
        else this.frames.push(frame);
      }
    });
    this.closedPromise = new Promise((resolve) =>
      socket.on('close', () => {
        this.closed = true;
        for (const w of this.waiters.splice(0)) w(null);
        resolve();
      }),
    );
    socket.on('error', () => {});
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = new Socket();
      s.once('error', reject);
      s.connect(port, host, () => resolve(new RawClient(s)));
    });
  }

  write(buf: Buffer): void {
    this.socket.write(buf);
  }

  /** Next response frame (correlation id + body), or null if the broker closed the connection. */
  nextFrame(): Promise<Buffer | null> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  pendingFrames(): number {
    return this.frames.length;
  }

  async encode(api: string, version: number, args: Record<string, unknown> = {}): Promise<{ bytes: Buffer; correlationId: number }> {
    const def = requests[api]!.protocol({ version })(args);
    const correlationId = this.correlationId++;
    const enc = await encodeRequest({ correlationId, clientId: 'raw-test', request: def.request });
    return { bytes: enc.buffer, correlationId };
  }

  /** Sends a kafkajs-encoded request and decodes the answer with kafkajs (parse throws on error codes unless raw). */
  async request<T = any>(api: string, version: number, args: Record<string, unknown> = {}, opts: { parse?: boolean } = {}): Promise<T> {
    const def = requests[api]!.protocol({ version })(args);
    const { bytes, correlationId } = await this.encode(api, version, args);
    this.write(bytes);
    const frame = await this.nextFrame();
    if (!frame) throw new Error(`connection closed before ${api} v${version} response`);
    const got = frame.readInt32BE(0);
    if (got !== correlationId) throw new Error(`correlation id ${got}, expected ${correlationId}`);
    const decoded = await def.response.decode(frame.subarray(4));
    return (opts.parse === false ? decoded : await def.response.parse(decoded)) as T;
  }

  close(): void {
    this.socket.destroy();
  }
}
