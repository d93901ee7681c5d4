/** Channels of issue 13 built on the traces store (filled in by its parts). */
export const traceInsightChannels = {};
