import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { exposeGc, startHeapTrim } from './heap-trim';

describe('startHeapTrim', () => {
  it('collects once the heap has grown the headroom past the last live size', () => {
    vi.useFakeTimers();
    try {
      let used = 10;
      const gc = vi.fn(() => {
        used = 12; // what survives the collection
      });
      const trim = startHeapTrim({ headroomBytes: 5, everyMs: 100, heapUsed: () => used, gc });
      used = 14;
      vi.advanceTimersByTime(100);
      expect(gc).not.toHaveBeenCalled();
      used = 15;
      vi.advanceTimersByTime(100);
      expect(gc).toHaveBeenCalledTimes(1);
      // The floor is now 12: 16 is within the headroom, 17 is not.
      used = 16;
      vi.advanceTimersByTime(100);
      expect(trim.collections()).toBe(1);
      used = 17;
      vi.advanceTimersByTime(100);
      expect(trim.collections()).toBe(2);
      trim.stop();
      used = 100;
      vi.advanceTimersByTime(1000);
      expect(trim.collections()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("measures the headroom from V8's own collections too, not only from its own", () => {
    vi.useFakeTimers();
    try {
      // The trim starts on a heap full of garbage (an import just ran): 50 used, 20 live.
      let used = 50;
      const gc = vi.fn(() => {
        used = 20;
      });
      const trim = startHeapTrim({ headroomBytes: 10, everyMs: 100, heapUsed: () => used, gc });
      // V8 collects by itself: the next tick sees 20, which becomes the floor.
      used = 20;
      vi.advanceTimersByTime(100);
      used = 29;
      vi.advanceTimersByTime(100);
      expect(gc).not.toHaveBeenCalled();
      // 30 is 10 past the live size: measured from the start (50) it would wait until 60.
      used = 30;
      vi.advanceTimersByTime(100);
      expect(trim.collections()).toBe(1);
      trim.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reaches a real gc() in plain Node without --expose-gc, and leaves no global behind', () => {
    const gc = exposeGc();
    expect(gc).toBeTypeOf('function');
    const fill = (): number => Array.from({ length: 200_000 }, (_, i) => `garbage ${i}`).length;
    expect(fill()).toBe(200_000);
    const before = v8.getHeapStatistics().used_heap_size;
    gc!();
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(before);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
