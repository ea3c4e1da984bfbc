import { SinglePass } from './single-pass';

describe('a background pass run one at a time', () => {
  it('never overlaps, and a kick during a pass asks for exactly one more after it', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let release: () => void = () => undefined;
    const runner = new SinglePass(
      async () => {
        running += 1;
        most = Math.max(most, running);
        passes += 1;
        await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
      },
      () => true,
    );
    runner.kick();
    runner.kick();
    runner.kick();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await runner.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect([passes, most]).toEqual([2, 1]);
  });

  it('runs nothing, not even the repeat asked for, once it may no longer run', async () => {
    let allowed = true;
    let passes = 0;
    let release: () => void = () => undefined;
    const runner = new SinglePass(
      async () => {
        passes += 1;
        await new Promise<void>((resolve) => (release = resolve));
      },
      () => allowed,
    );
    runner.kick();
    runner.kick();
    allowed = false;
    release();
    await runner.settled();
    runner.kick();
    expect(passes).toBe(1);
  });
});
