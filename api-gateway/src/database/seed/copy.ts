import type { Client, Connection, Submittable } from 'pg';

/**
 * COPY ... FROM STDIN through node-postgres without pg-copy-streams: a tiny Submittable
 * that answers the server's CopyInResponse by streaming CopyData chunks (respecting socket
 * back-pressure), then CopyDone. Errors (a constraint violation in the data, a throwing
 * generator) surface as a rejected promise; the transaction is then aborted as usual.
 */

/** The parts of pg's Connection used here (present on pg >= 8, not all in @types/pg). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

class CopyFromStdin implements Submittable {
  rowCount = 0;
  private failed = false;
  private settled = false;

  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<Buffer | string>,
    private readonly resolve: (rows: number) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    void this.pump(connection as unknown as CopyConnection);
  }

  private async pump(con: CopyConnection): Promise<void> {
    try {
      for (const chunk of this.chunks) {
        if (this.failed) return;
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (buf.length === 0) continue;
        con.sendCopyFromChunk(buf);
        if (con.stream.writableNeedDrain) {
          await new Promise<void>((res) => con.stream.once('drain', () => res()));
        }
      }
      if (!this.failed) con.endCopyFrom();
    } catch (err) {
      con.sendCopyFail(err instanceof Error ? err.message : String(err));
    }
  }

  handleCommandComplete(msg: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(msg.text ?? '');
    if (m) this.rowCount = Number(m[1]);
  }

  handleReadyForQuery(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(this.rowCount);
  }

  handleError(err: Error): void {
    this.failed = true;
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }

  // Not expected during COPY FROM; present because pg may call them on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY table (cols) FROM STDIN ...` with the given CSV chunks; resolves to the row count. */
export function copyFrom(
  client: Client,
  table: string,
  columns: readonly string[],
  chunks: Iterable<Buffer | string>,
  options = 'FORMAT csv',
): Promise<number> {
  const text = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (${options})`;
  return new Promise<number>((resolve, reject) => {
    client.query(new CopyFromStdin(text, chunks, resolve, reject));
  });
}

/** One CSV field (PostgreSQL CSV: unquoted empty = NULL, so '' must be quoted). */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  if (v === '' || /[",\n\r\\]/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i]);
  }
  return line + '\n';
}

/** Groups generated CSV lines into ~256 KiB chunks (fewer, larger CopyData messages). */
export function* chunked(lines: Iterable<string>, maxChars = 256 * 1024): Generator<string> {
  let buf = '';
  for (const line of lines) {
    buf += line;
    if (buf.length >= maxChars) {
      yield buf;
      buf = '';
    }
  }
  if (buf.length > 0) yield buf;
}
