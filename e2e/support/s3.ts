// A real S3-compatible server (s3rver) on 127.0.0.1, standing in for the mirror's bucket.
import S3rver from "s3rver";
import { tempDir } from "./server";

export const S3_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** Starts s3rver; pass `port` and `directory` to bring the same bucket back after a stop. */
export async function startS3(
  bucket = "mirror",
  opts: { port?: number; directory?: string } = {},
): Promise<{ endpoint: string; bucket: string; port: number; directory: string; stop: () => Promise<void> }> {
  const directory = opts.directory ?? tempDir("outpost-s3-");
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  // Stopping twice is fine (a test's finally may stop a bucket it already took down).
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= server.close());
  return { endpoint: `http://127.0.0.1:${port}`, bucket, port, directory, stop };
}
