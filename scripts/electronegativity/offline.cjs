// Loaded with `node --require` before Electronegativity: every outbound connection and host
// lookup fails at once, so a scan never touches the network. The tool would otherwise fetch
// translations (and, with its security-fixes check, Electron's release list) on every run.
// The error code is not one that `got` retries, so a refused fetch costs no time either.
const dns = require('node:dns');
const net = require('node:net');

function refused(what) {
  const error = new Error(`network access refused during the offline scan: ${what}`);
  error.code = 'ERR_ASSAY_OFFLINE';
  return error;
}

net.Socket.prototype.connect = function connect(...args) {
  const target = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0] };
  const error = refused(`connect to ${target.host ?? target.path ?? 'localhost'}:${target.port}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(refused(`lookup of ${hostname}`)));
};
dns.promises.lookup = async (hostname) => {
  throw refused(`lookup of ${hostname}`);
};
