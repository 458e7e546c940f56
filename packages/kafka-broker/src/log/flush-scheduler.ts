import { fdatasync } from 'node:fs';

/**
 * Group commit: every produce request that needs durability waits for the next fdatasync round
 * over all files written since the previous round, so concurrent producers share one sync.
 */
export class FlushScheduler {
  private dirty = new Set<number>();
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  markDirty(fd: number): void {
    this.dirty.add(fd);
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
      this.next = this.running.then(() => {
        this.next = null;
        return this.flush();
      });
    }
    return this.next;
  }

  private async round(): Promise<void> {
    const fds = [...this.dirty];
    this.dirty.clear();
    await Promise.all(
      fds.map(
        (fd) =>
          new Promise<void>((resolve) => {
            // A file closed by retention or topic deletion meanwhile has nothing left to sync.
            fdatasync(fd, () => resolve());
          }),
      ),
    );
  }
}
