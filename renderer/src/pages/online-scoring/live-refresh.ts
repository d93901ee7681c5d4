/**
 * How often the page asks again while it is open: rules score in the background and the event
 * stream carries no scoring progress, so counts, spend and states are polled.
 */
export const LIVE_REFRESH_MS = 1_500;
