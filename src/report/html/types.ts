/** The dashboard's data: what the page script reads (kept free of imports, as the browser code shares it). */

/** One collection of a query as the dashboard shows it. */
export interface DashboardPoint {
  /** The store key of the collection. */
  key: string;
  collectedAt: string;
  verdict?: string;
  spans: number;
  traces: number;
  complete: boolean;
  errorRate?: number;
  /** Spans per minute of the collection's window, when the history knows it. */
  ratePerMin?: number;
  latencyP50Us?: number;
  latencyP95Us?: number;
  latencyP99Us?: number;
  pinnedAs?: string;
  ref?: string;
  /** Where the run that made this collection reports (its run page), when known. */
  link?: string;
}

export interface DashboardQuery {
  id: string;
  name?: string;
  /** Oldest first. */
  points: DashboardPoint[];
}

export interface Dashboard {
  title: string;
  generatedAt: string;
  queries: DashboardQuery[];
}
