import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * Runs a background pass (the outbox relay's, the history sealer's) one at a time within an instance:
 * a kick while a pass runs asks for exactly one more after it, so no kick is lost and passes never overlap.
 * A pass runs outside the trace of whatever kicked it, since it does other commands' work too.
 */
export class SinglePass {
  private running?: Promise<unknown>;
  private again = false;

  /** `mayRun` is asked at every kick, the repeat after a pass included (false once stopping). */
  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly mayRun: () => boolean,
  ) {}

  kick(): void {
    if (!this.mayRun()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = context.with(ROOT_CONTEXT, this.pass).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once the pass in progress, if any, has ended (for shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }
}
