/** The contract's error body: `{"error":{"code","message","details"}}`. */
export interface ErrorDetail {
  path: string;
  message: string;
}
export interface ApiErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}
