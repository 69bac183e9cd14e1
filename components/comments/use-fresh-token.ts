import { useRef, useState } from 'react';

/**
 * The token in a cached page may be hours old. When the reader starts
 * writing, ask once for a fresh one: the minimum fill time then starts now.
 * Returns the fresh token (or null) and the handler to call on focus.
 */
export function useFreshToken(tokenUrl: string | undefined): [string | null, () => void] {
  const [token, setToken] = useState<string | null>(null);
  const requested = useRef(false);

  function request() {
    if (!tokenUrl || requested.current) return;
    requested.current = true;
    fetch(tokenUrl, { cache: 'no-store', headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const value = (body as { token?: unknown } | null)?.token;
        if (typeof value === 'string') setToken(value);
      })
      .catch(() => undefined);
  }

  return [token, request];
}
