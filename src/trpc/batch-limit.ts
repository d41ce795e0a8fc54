/**
 * The most procedure calls one batched tRPC request may carry. The server refuses a larger batch
 * (400, before any procedure runs or any refusal is recorded), so one anonymous request cannot write
 * hundreds of audit events; the client's batch link splits at the same size, so the app never hits it.
 * The busiest page sends about a dozen queries at once.
 */
export const TRPC_MAX_BATCH = 20;
