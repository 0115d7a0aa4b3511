// Preload that forbids network access, to prove a program makes no requests:
//
//   NO_NETWORK_LOG=/tmp/net.log node --require ./test/support/no-network.cjs dist/cli.js check draft.md
//   NODE_OPTIONS="--require /abs/path/test/support/no-network.cjs" code-server …   (the extension host)
//
// Every way Node opens a connection or resolves a name (net/tls sockets, http/https/http2
// requests, fetch, WebSocket, UDP, DNS) is replaced by a function that records the attempt and
// throws, so nothing leaves the machine. The log (NO_NETWORK_LOG, else stderr) gets one line
// "no-network: loaded <pid>" when the preload runs, one "no-network: attempt <what> <detail>"
// per attempt, and "no-network: exit <pid> attempts=<n>" when the process ends. A test reads it
// and asserts it was loaded and that no attempt was made.
'use strict';
const fs = require('node:fs');

const logPath = process.env.NO_NETWORK_LOG;
let attempts = 0;

function log(line) {
  const text = `no-network: ${line}\n`;
  try {
    if (logPath) fs.appendFileSync(logPath, text);
    else fs.writeSync(2, text);
  } catch {
    // Nowhere to write: the exception thrown below still stops the request.
  }
}

function describe(args) {
  try {
    return args
      .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? JSON.stringify(a, (k, v) => (typeof v === 'function' || k === 'agent' ? undefined : v)) : String(a)))
      .join(' ')
      .slice(0, 200);
  } catch {
    return '?';
  }
}

function forbid(what) {
  return function forbidden(...args) {
    attempts++;
    log(`attempt ${what} ${describe(args)}`);
    const err = new Error(`Network access is forbidden in this process (${what}).`);
    err.code = 'ENETFORBIDDEN';
    throw err;
  };
}

function patch(obj, name, what) {
  if (obj && typeof obj[name] === 'function') obj[name] = forbid(what);
}

const net = require('node:net');
patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');

const tls = require('node:tls');
patch(tls, 'connect', 'tls.connect');

const dgram = require('node:dgram');
patch(dgram.Socket.prototype, 'send', 'dgram.send');
patch(dgram.Socket.prototype, 'connect', 'dgram.connect');

for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  patch(m, 'request', `${mod.slice(5)}.request`);
  patch(m, 'get', `${mod.slice(5)}.get`);
}
const http2 = require('node:http2');
patch(http2, 'connect', 'http2.connect');

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'reverse']) {
  patch(dns, name, `dns.${name}`);
  patch(dns.promises, name, `dns.promises.${name}`);
}
if (dns.Resolver) for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) patch(dns.Resolver.prototype, name, `dns.Resolver.${name}`);

if (typeof globalThis.fetch === 'function') globalThis.fetch = forbid('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = forbid('WebSocket');
if (typeof globalThis.EventSource === 'function') globalThis.EventSource = forbid('EventSource');

log(`loaded ${process.pid}`);
process.on('exit', () => log(`exit ${process.pid} attempts=${attempts}`));
