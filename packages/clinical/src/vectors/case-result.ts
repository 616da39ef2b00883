/** The outcome of checking one shared test vector against the library. */
export interface CaseResult {
  /** The vector's id, or a path such as "domino_1984/70/standard_40min@t=40". */
  id: string;
  passed: boolean;
  /** Present when the case failed: what the vector expected and what Glia computed. */
  expected?: unknown;
  actual?: unknown;
  detail?: string;
}
