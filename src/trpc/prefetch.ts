/**
 * A page's prefetch must not fail the page: what the server could not load, the client loads (and
 * shows its error) itself, as `prefetchQuery` did before `queryClient.query` replaced it.
 */
export function keepForClient(): undefined {
  return undefined;
}
