import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CommittedOffset {
  offset: bigint;
  metadata: string | null;
}

type OffsetLine =
  | { g: string; t: string; p: number; o: string; m: string | null }
  | { g: string; deleteGroup: true }
  | { deleteTopic: string };

/**
 * Committed offsets as an append-only JSON-lines journal, compacted on start. A torn last line
 * (crash mid-write) fails to parse and is dropped, leaving the previous commit in force.
 */
export class OffsetStore {
  readonly groups = new Map<string, Map<string, CommittedOffset>>();
  private fd: number;
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'consumer-offsets.jsonl');
    this.replay();
    this.compact();
    this.fd = openSync(this.path, 'a');
  }

  static key(topic: string, partition: number): string {
    return `${partition}:${topic}`;
  }

  private replay(): void {
    if (!existsSync(this.path)) return;
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line === '') continue;
      let entry: OffsetLine;
      try {
        entry = JSON.parse(line) as OffsetLine;
      } catch {
        continue;
      }
      this.apply(entry);
    }
  }

  private apply(entry: OffsetLine): void {
    if ('deleteTopic' in entry) {
      for (const offsets of this.groups.values()) {
        for (const k of [...offsets.keys()]) if (k.slice(k.indexOf(':') + 1) === entry.deleteTopic) offsets.delete(k);
      }
    } else if ('deleteGroup' in entry) {
      this.groups.delete(entry.g);
    } else {
      let offsets = this.groups.get(entry.g);
      if (!offsets) this.groups.set(entry.g, (offsets = new Map()));
      offsets.set(OffsetStore.key(entry.t, entry.p), { offset: BigInt(entry.o), metadata: entry.m });
    }
  }

  private compact(): void {
    const lines: string[] = [];
    for (const [g, offsets] of this.groups) {
      for (const [k, v] of offsets) {
        const i = k.indexOf(':');
        lines.push(JSON.stringify({ g, t: k.slice(i + 1), p: Number(k.slice(0, i)), o: String(v.offset), m: v.metadata }));
      }
    }
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '');
    renameSync(tmp, this.path);
  }

  private append(entries: OffsetLine[]): void {
    for (const e of entries) this.apply(e);
    writeSync(this.fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  commit(group: string, items: { topic: string; partition: number; offset: bigint; metadata: string | null }[]): void {
    this.append(items.map((i) => ({ g: group, t: i.topic, p: i.partition, o: String(i.offset), m: i.metadata })));
  }

  get(group: string): Map<string, CommittedOffset> | undefined {
    return this.groups.get(group);
  }

  deleteGroup(group: string): void {
    this.append([{ g: group, deleteGroup: true }]);
  }

  deleteTopic(topic: string): void {
    this.append([{ deleteTopic: topic }]);
  }

  get fileDescriptor(): number {
    return this.fd;
  }

  close(): void {
    closeSync(this.fd);
  }
}
