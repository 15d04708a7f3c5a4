// A real S3-compatible server (s3rver) on 127.0.0.1, standing in for the mirror's bucket.
import S3rver from "s3rver";
import { tempDir } from "./server";

export const S3_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3(bucket = "mirror"): Promise<{ endpoint: string; bucket: string; stop: () => Promise<void> }> {
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: tempDir("outpost-s3-"), configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, bucket, stop: () => server.close() };
}
