/**
 * How a client keeps a server-side list fresh without starving: events are debounced but a
 * steady stream of them never postpones the refresh past `maxWaitMs`, and only one request is
 * in flight at a time (a refresh asked for meanwhile is sent when it returns, once however
 * many were asked for). Editor-independent, so it is tested in plain Node; the extension's
 * documents store uses it.
 *
 * Why: with workspace diagnostics the server publishes file by file, every few hundred
 * milliseconds under load. A plain debounce never fired while they arrived, and dropping every
 * response older than the latest request meant that when requests took longer than the
 * debounce, no response was ever applied: the status bar stayed hidden for a newly opened file.
 */
export class Refresher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstScheduled = 0;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly delayMs = 300,
    private readonly maxWaitMs = 1000,
  ) {}

  /** An event happened: refresh after `delayMs` of quiet, or at most `maxWaitMs` after the first event. */
  schedule(): void {
    if (this.disposed) return;
    const now = Date.now();
    if (this.timer) {
      if (now - this.firstScheduled >= this.maxWaitMs) return; // due now: let it fire
      clearTimeout(this.timer);
    } else {
      this.firstScheduled = now;
    }
    const wait = Math.min(this.delayMs, Math.max(0, this.firstScheduled + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, wait);
  }

  /** Refresh now, or right after the refresh in flight (coalesced). Resolves when the list is current. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const loop = async (): Promise<void> => {
      do {
        this.again = false;
        try {
          await this.run();
        } catch {
          // the caller reports its own failures; the next event tries again
        }
      } while (this.again && !this.disposed);
    };
    this.inFlight = loop().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
