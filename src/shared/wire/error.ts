/** The one error shape on the wire: the original's `{"detail": "..."}`, with an optional machine code. */
export interface ErrorBody {
  detail: string
  code?: string
}
