// Serialisable results: errors cross the message boundary as data, never as
// thrown exceptions (which extension messaging would flatten to strings).
export interface ErrorInfo {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: string, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
