import { useEffect, useState } from 'preact/hooks';

/**
 * A stored value, kept current while the page is open: null until first read. A change heard
 * while reading is newer than what the read returns, so it wins.
 */
export function useStored<T>(read: () => Promise<T>, watch: (onChange: (value: T) => void, signal: AbortSignal) => void, deps: unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let changed = false;
    void read().then((first) => {
      if (!controller.signal.aborted && !changed) setValue(first);
    });
    watch((next) => {
      changed = true;
      setValue(next);
    }, controller.signal);
    return () => controller.abort();
  }, deps);
  return value;
}
