export { LOOP_MARKER, detectAutoReply, detectBounce, detectLoop, extractSerials, runInboundFilters, type Bounce, type Classification, type InboundContext } from './inbound-filters.ts';
