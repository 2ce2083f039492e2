/** Small HTTP helpers for the platform clients: JSON in and out, a non-2xx answer is an error. */

export class PlatformError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "PlatformError";
  }
}

export async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok)
    throw new PlatformError(
      `${init.method ?? "GET"} ${url}: ${response.status} ${text.slice(0, 200)}`,
      response.status,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PlatformError(`${url}: answer is not JSON`, response.status);
  }
}

/** the ISO time of the newest of some epoch-millisecond instants, or null */
export function newestIso(instants: number[]): string | null {
  return instants.length === 0 ? null : new Date(Math.max(...instants)).toISOString();
}
