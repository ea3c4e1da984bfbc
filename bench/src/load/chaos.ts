import type { LoadService, LoadWorld, Replica } from './load-world';

export interface Kill {
  readonly replica: string;
  /** Seconds into the chaos phase. */
  readonly at: number;
  /** Seconds until the replica listened again. */
  readonly downFor: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * For each service on its own schedule, until stopped: waits a random 4–15 s, SIGKILLs one of its
 * replicas drawn at random (always leaving the other up), waits 0.5–3 s and starts it again. A kill
 * lands wherever the replica is: mid-transaction, mid-relay pass, holding a BullMQ job, between commit
 * and reply.
 */
export class Chaos {
  readonly kills: Kill[] = [];
  /** Restarts that did not listen in time and were made again. */
  failedStarts = 0;
  private stopping = false;
  private loops: Promise<void>[] = [];
  private readonly started = Date.now();

  constructor(
    private readonly world: LoadWorld,
    private readonly services: readonly LoadService[],
  ) {}

  start(): void {
    this.loops = this.services.map((service) => this.loop(service));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async loop(service: LoadService): Promise<void> {
    while (await this.waitUnlessStopping(between(4000, 15_000))) {
      const replicas = this.world.replicasOf(service);
      const victim: Replica | undefined = replicas[Math.floor(Math.random() * replicas.length)];
      if (victim === undefined) return;
      const at = (Date.now() - this.started) / 1000;
      await victim.kill();
      await pause(between(500, 3000));
      await this.restart(victim);
      this.kills.push({ replica: victim.label, at, downFor: (Date.now() - this.started) / 1000 - at });
    }
  }

  /**
   * Starts the replica again; on a machine this loaded a start can outlast its 60 s wait, and the
   * replica is then started anew rather than the run given up (and its processes left behind).
   */
  private async restart(replica: Replica): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await replica.start();
        return;
      } catch (error) {
        this.failedStarts += 1;
        if (attempt >= 5) throw error;
      }
    }
  }

  /** Waits `ms` unless told to stop meanwhile; says whether to go on. */
  private async waitUnlessStopping(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) await pause(Math.min(250, until - Date.now()));
    return !this.stopping;
  }
}
