/** Writing to a stream with backpressure: exports stay flat in memory however large the store. */
export type Out = NodeJS.WritableStream;

export async function write(out: Out, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
