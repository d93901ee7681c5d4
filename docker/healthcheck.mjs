// The container's health probe: GET a URL (default the server's /api/health) and exit 0 on a
// 2xx answer. Node's own fetch, because the slim image has neither curl nor wget.
const url = process.argv[2] ?? `http://127.0.0.1:${process.env.ASSAY_PORT || 7717}/api/health`;
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
