/** One part of the pipeline report: its data, or why it could not be read. Each part fails on its own. */
export type Section<T extends object> = ({ status: 'ok' } & T) | { status: 'unavailable'; reason: string };

export class SourceTimeoutError extends Error {}

/** Rejects after `ms` (the source's own request is aborted by its signal or its client timeout). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${err.message} (${cause.code})` : err.message;
  }
  return String(err);
}

/** Runs a source under the timeout and turns any failure into an "unavailable" section. */
export async function section<T extends object>(what: string, ms: number, read: () => Promise<T>): Promise<Section<T>> {
  try {
    return { status: 'ok', ...(await withTimeout(read(), ms, what)) };
  } catch (err) {
    return { status: 'unavailable', reason: reasonOf(err) };
  }
}
