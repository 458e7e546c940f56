import { fdatasync } from 'node:fs';

/**
 * Group commit: every produce request that needs durability waits for the next fdatasync round
 * over all files written since the previous round, so concurrent producers share one sync.
 */
export class FlushScheduler {
  /** fd → what to wait for before syncing it (writes queued on it that the OS has not taken yet). */
  private dirty = new Map<number, (() => Promise<void>) | undefined>();
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  markDirty(fd: number, written?: () => Promise<void>): void {
    this.dirty.set(fd, written);
  }

  forget(fd: number): void {
    this.dirty.delete(fd);
  }

  /** Resolves once everything written before the call is on stable storage. */
  flush(): Promise<void> {
    if (this.running === null) {
      this.running = this.round().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A round is in flight and may have missed our writes: join the round queued after it.
    if (this.next === null) {
      const again = (): Promise<void> => {
        this.next = null;
        return this.flush();
      };
      // A failed round must not wedge the queue: the next round retries (and reports its own outcome).
      this.next = this.running.then(again, again);
    }
    return this.next;
  }

  private async round(): Promise<void> {
    const files = [...this.dirty];
    this.dirty.clear();
    await Promise.all(
      files.map(async ([fd, written]) => {
        // Write errors propagate: an acknowledgement must never cover bytes the OS refused.
        if (written) await written();
        await new Promise<void>((resolve) => {
          // A file closed by retention or topic deletion meanwhile has nothing left to sync.
          fdatasync(fd, () => resolve());
        });
      }),
    );
  }
}
