// Preloaded into each server under test (Accord and the reference) with `node --import`. On a
// `stats` message over the IPC channel it answers with the event-loop delay histogram and CPU
// time since the last reset, and memory after a full GC (when --expose-gc is on). Benchmarks ask
// only between phases, so the GC never lands inside a measurement.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  let cpuSince = process.cpuUsage();
  let wallSince = performance.now();
  process.on('message', (message) => {
    if (message?.type !== 'stats') return;
    const cpu = process.cpuUsage(cpuSince);
    const wallMs = performance.now() - wallSince;
    const loop = {
      p50Ms: delay.percentile(50) / 1e6,
      p99Ms: delay.percentile(99) / 1e6,
      maxMs: delay.max / 1e6,
    };
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const memory = process.memoryUsage();
    process.send({
      type: 'stats',
      id: message.id,
      loop,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
    });
    delay.reset();
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
  });
  // The IPC channel must not keep a server alive that would otherwise exit.
  process.channel?.unref();
}
