import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isLogged, log } from './log';

/** How often the event loop's delay is logged (at debug level), in milliseconds. */
export const LAG_LOG_EVERY_MS = 1_000;

/**
 * With LOG_LEVEL=debug, logs `process.lag` every LAG_LOG_EVERY_MS: the p99 and the longest delay of
 * this process's event loop over that second, and the share of it the loop was busy. A node slow to answer because it is busy shows here;
 * one slow because it waits (on PostgreSQL, say) does not. Returns the stop function.
 */
export function logEventLoopLag(): () => void {
  if (!isLogged('debug')) return () => {};
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let utilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const next = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(next, utilization).utilization;
    utilization = next;
    log('debug', 'process.lag', {
      busyPercent: Math.round(busy * 100),
      p99Ms: Math.round(histogram.percentile(99) / 1e6),
      maxMs: Math.round(histogram.max / 1e6),
    });
    histogram.reset();
  }, LAG_LOG_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}
