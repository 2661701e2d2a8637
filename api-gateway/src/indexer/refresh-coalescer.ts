/**
 * Shares index refreshes between concurrent batches. A caller needs a refresh that starts after its
 * writes: if none is running, one starts; if one is running (it may have started before the
 * caller's writes), the caller waits for it and then for one more, which every caller arriving in
 * the meantime shares. So N concurrent batches cost at most two refreshes instead of N.
 */
export class RefreshCoalescer {
  private running?: Promise<void>;
  private queued?: Promise<void>;

  constructor(private readonly refresh: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const p: Promise<void> = this.refresh().finally(() => {
      if (this.running === p) this.running = undefined;
    });
    this.running = p;
    return p;
  }
}
