// A minimal cookie-keeping HTTP client: one anonymous student talking to the web API.
export class StudentClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseURL: string) {}

  async request(
    pathname: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { origin: this.baseURL, ...init.headers };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const response = await fetch(new URL(pathname, this.baseURL), {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  async signInAnonymously(): Promise<void> {
    const response = await this.request("/api/auth/sign-in/anonymous", { method: "POST", body: {} });
    if (!response.ok) throw new Error(`anonymous sign-in failed: ${response.status} ${await response.text()}`);
  }
}
