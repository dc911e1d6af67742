/** Peak resident memory of this process, for benchmark children. */
import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of this process in MB. Linux's getrusage maxrss survives exec and so can
 * report the parent's peak; VmHWM in /proc belongs to this process's own address space.
 */
export function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
