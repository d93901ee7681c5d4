/** The most one SSE event may hold before the side parser gives up on the stream. */
const MAX_EVENT_CHARS = 8 * 1024 * 1024;

export interface SseEvent {
  readonly event: string | null;
  readonly data: string;
}

/**
 * Server-Sent Events split out of bytes as they arrive, for reading a stream on the side while
 * its bytes pass through untouched. Events may be cut anywhere between chunks (and inside a
 * UTF-8 character: the decoder keeps the partial bytes). An event longer than the cap stops the
 * parsing (`overflowed`); the stream itself still passes through whole.
 */
export class SseLines {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private event: string | null = null;
  private data: string[] = [];
  overflowed = false;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  push(chunk: Uint8Array): void {
    if (this.overflowed) return;
    this.buffer += this.decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const nl = this.buffer.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && this.buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(this.buffer.slice(start, end));
      start = nl + 1;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length + this.data.reduce((n, d) => n + d.length, 0) > MAX_EVENT_CHARS) {
      this.overflowed = true;
      this.buffer = '';
      this.data = [];
    }
  }

  /** The stream ended: a last event without its blank line still counts. */
  end(): void {
    if (this.overflowed) return;
    if (this.buffer !== '') this.line(this.buffer);
    this.buffer = '';
    this.line('');
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onEvent({ event: this.event, data: this.data.join('\n') });
      this.event = null;
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.event = value;
  }
}
