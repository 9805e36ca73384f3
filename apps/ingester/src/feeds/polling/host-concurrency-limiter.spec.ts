import { HostConcurrencyLimiter } from './host-concurrency-limiter';

describe(HostConcurrencyLimiter.name, () => {
  it('runs at most `limit` tasks per host at once, other hosts unaffected', async () => {
    const sut = new HostConcurrencyLimiter(2);
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = (host: string) =>
      sut.run(host, async () => {
        peak = Math.max(peak, sut.active('a.example'));
        await new Promise<void>((resolve) => releases.push(resolve));
      });

    const running = [task('a.example'), task('a.example'), task('a.example'), task('b.example')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(releases).toHaveLength(3); // two for a.example, one for b.example; the third a.example waits
    expect(sut.active('a.example')).toBe(2);

    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(releases).toHaveLength(3); // the waiting task took the freed place
    expect(sut.active('a.example')).toBe(2);

    releases.splice(0).forEach((release) => release());
    await Promise.all(running);
    expect(peak).toBe(2);
    expect(sut.active('a.example')).toBe(0);
  });

  it('frees the place when a task throws', async () => {
    const sut = new HostConcurrencyLimiter(1);
    await expect(sut.run('a.example', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run('a.example', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
