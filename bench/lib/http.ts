/**
 * A logged-in API client over Node's fetch (undici, keep-alive): the session cookie on every
 * request and the CSRF token on writes, as the web app does.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  ms: number;
  body: T;
  text: string;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly email: string,
    readonly userId: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status} ${text}`);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('apres_session='));
    if (!session) throw new Error(`login ${email}: no apres_session cookie`);
    const body = JSON.parse(text) as { csrfToken: string; user: { id: string } };
    return new ApiClient(baseUrl, email, body.user.id, session.split(';')[0]!, body.csrfToken);
  }

  /** Times the whole exchange, body included. Never throws on an HTTP error status. */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const t0 = performance.now();
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken, 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, ms, body: parsed as T, text };
  }

  get<T>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, headers);
  }
}
