/** A local Postgres URL (TCP on 127.0.0.1: the embedded server listens on no unix socket). */
export function postgresUrl(parts: { user: string; password: string; port: number; database: string }): string {
  const auth = `${encodeURIComponent(parts.user)}:${encodeURIComponent(parts.password)}`;
  return `postgresql://${auth}@127.0.0.1:${parts.port}/${encodeURIComponent(parts.database)}`;
}
