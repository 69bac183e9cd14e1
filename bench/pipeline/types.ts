export type PipelineResult = {
  articles: number;
  /** Parse, validate and render every article. */
  seconds: number;
  loadSeconds?: number;
  renderSeconds?: number;
  /** heapUsed after loading minus before, with no body rendered. */
  indexHeapBytes?: number;
  /** What loadContent reports it parsed and took from its cache, when it reports it. */
  stats?: { parsed: number; cached: number };
  maxRssBytes: number;
};
