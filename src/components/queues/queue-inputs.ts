/**
 * The queues' list inputs, shared by the page's server prefetch and the client components (a
 * "use client" module's plain exports are not readable on the server, hence this module).
 */
export const OPEN_RECOMMENDATIONS = { status: "OPEN", pageSize: 50 } as const;
export const MY_OPEN_REVIEWS = { mine: true, status: "OPEN", pageSize: 50 } as const;
export const BOARD_INPUT = { pageSize: 200 } as const;
