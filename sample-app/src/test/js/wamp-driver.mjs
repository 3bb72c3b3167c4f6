// Remote control for one third-party WAMP client (autobahn-js or wampy), used by the sample-app interop tests.
//
//   node --experimental-websocket wamp-driver.mjs autobahn      (autobahn-js on Node's own WebSocket)
//   node wamp-driver.mjs wampy                                  (wampy on the `ws` package)
//
// The Java test writes one JSON command per line on stdin and reads one JSON reply per command on stdout, on a line
// that starts with "@@wamp-driver " (the libraries log to the console; everything else goes to stderr). Every reply
// carries the command's id. Binary values travel as {"$bytes": "<base64>"} on stdio and as real binaries
// (Buffer/Uint8Array) inside the client; with JSON on the wire the clients' serializers apply the WAMP convention
// (a string holding \u0000 followed by base64), through the extension points the libraries offer.
//
// Commands (each may carry timeoutMs):
//   connect {url, realm, serializer, features?, auth?}   url: ws://... or rs://host:port (autobahn-js RawSocket, json)
//                                               serializer: json | msgpack | cbor. features {role: {feature: true}}
//                                               adds to what the library announces in HELLO (wampy only: autobahn-js
//                                               keeps its feature table private). Answers {sessionId, protocol,
//                                               authid, authrole, authmethod} (the last three from WELCOME).
//                                               auth (autobahn-js only) authenticates: {authid?, methods: [...],
//                                               ticket?, secret? (wampcra: the raw secret; a salted key is derived
//                                               from the CHALLENGE's salt, iterations and keylen), privateKey?
//                                               (cryptosign: the 32-byte seed in hex; its public key goes to
//                                               authextra.pubkey), password? (wamp-scram), authextra?}. A join the
//                                               router refuses answers ok: false with error {uri, message} (the
//                                               ABORT's reason and message)
//   call {procedure, args?, kwargs?, options?}  absent args/kwargs stay absent (undefined) for the library; with
//                                               options.receive_progress the progressive results are collected
//                                               (autobahn-js: the promise's progress handler; wampy: it becomes
//                                               progress_callback) and answered as progress: [{args, kwargs}]
//   callStart {handle, procedure, args?, kwargs?, options?, progressive?}
//                                               starts a call and answers at once ({handle, requestId}); progressive
//                                               (wampy only) makes it a progressive call invocation (CALL progress:
//                                               true) that callSend continues
//   callSend {handle, args?, kwargs?, final?}   sends the next chunk of a progressive call (final: the last one)
//   cancel {handle, mode?}                      cancels a started call (autobahn-js: promise.cancel({mode});
//                                               wampy: cancel(requestId, {mode}))
//   callResult {handle}                         waits for a started call's answer: as call, plus elapsedMs
//   register {procedure, behavior, options?, error?, result?, chunks?}
//                                               options go to REGISTER.Options (match, invoke). A refusal answers
//                                               ok: false with error {uri, args, kwargs}, like a failed call.
//                                               behavior: echo (answers with what it got), fail (with error
//                                               {uri, args, kwargs}), constant (with result {args, kwargs}),
//                                               progress (sends chunks [{args, kwargs}] as progressive results when
//                                               the caller asked for them, then answers with result), hold (keeps
//                                               the invocation unanswered until release, then answers with result)
//                                               or collect (a progressive call invocation: keeps every chunk of one
//                                               invocation unanswered and answers the final one with all chunks'
//                                               args in order and kwargs {chunks, request})
//   release {procedure}                         answers the held invocations of a hold callee; answers {released}
//   subscribe {topic, options?, key?}          SUBSCRIBE.Options as given (autobahn-js passes them through; wampy
//                                               sends match and get_retained only). Events are kept under key
//                                               (default: the topic), so one session can hold an exact and a
//                                               pattern subscription of the same URI. Answers {subscriptionId}, or a
//                                               refusal as ok: false with error {uri, args, kwargs}
//   unsubscribe {key}                           unsubscribes what subscribe kept under key; answers {} or a refusal
//   publish {topic, args?, kwargs?, options?}   acknowledged unless options.acknowledge is false (autobahn-js only:
//                                               wampy always asks for PUBLISHED). Answers {publicationId} (null when
//                                               not acknowledged), or the broker's ERROR as ok: false with error
//                                               {uri, args, kwargs}
//   publishMany {topic, count, options?, kwargs?}
//                                               publishes args [0], [1], ... [count - 1] in this order, back to back,
//                                               then waits for every PUBLISHED; answers {published, publicationIds}
//   events {topic|key, count, token?}; invocations {procedure, count, token?}
//                                               wait until count arrived (only those whose kwargs.token is token).
//                                               An invocation is {args, kwargs, details (INVOCATION.Details as
//                                               received), request (the INVOCATION's request id)}; an event is
//                                               {args, kwargs, details (EVENT.Details as received, not as the
//                                               library shows them: autobahn-js fills in the topic of an exact
//                                               subscription), subscription, publication}
//   wire {}                                     the RPC messages received and sent so far, without their payloads:
//                                               {received: [[type, request, dict]], sent: [...]} (ERROR, CALL,
//                                               CANCEL, RESULT, INVOCATION, INTERRUPT, YIELD), and the PubSub
//                                               requests sent: pubsubSent [[type, request, options, topic]]
//                                               (PUBLISH, SUBSCRIBE; UNSUBSCRIBE as [34, request, subscription])
//   stats {}; status {}; leave {}
// The driver exits when stdin closes, after "leave", or after an idle limit, so it never outlives its test.

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const clientName = process.argv[2];
const PREFIX = '@@wamp-driver ';
const IDLE_LIMIT_MS = Number(process.env.WAMP_DRIVER_IDLE_LIMIT_MS || 120000);

const log = (...parts) => process.stderr.write(parts.map(p => (typeof p === 'string' ? p : safeJson(p))).join(' ') + '\n');
console.log = console.info = console.debug = console.warn = log;

function safeJson(value) {
    try {
        return JSON.stringify(toWire(value));
    } catch (e) {
        return String(value);
    }
}

function reply(message) {
    process.stdout.write(PREFIX + JSON.stringify(message, (key, value) => (typeof value === 'bigint' ? toWire(value) : value)) + '\n');
}

// ---------------------------------------------------------------------------------------------------------------
// values: stdio JSON <-> client values

function isBinary(value) {
    return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

/** stdio JSON -> client values: {"$bytes": b64} becomes a Buffer. */
function fromWire(value) {
    if (Array.isArray(value)) {
        return value.map(fromWire);
    }
    if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0] === '$bytes') {
            return Buffer.from(value.$bytes, 'base64');
        }
        const out = {};
        for (const key of keys) {
            out[key] = fromWire(value[key]);
        }
        return out;
    }
    return value;
}

/** client values -> stdio JSON: binaries become {"$bytes": b64}, Maps objects, BigInts numbers, undefined null. */
function toWire(value) {
    if (value === undefined) {
        return null;
    }
    if (typeof value === 'bigint') {
        return value <= 2n ** 53n && value >= -(2n ** 53n) ? Number(value) : value.toString();
    }
    if (isBinary(value)) {
        const bytes = value instanceof ArrayBuffer ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        return { $bytes: bytes.toString('base64') };
    }
    if (Array.isArray(value)) {
        return value.map(toWire);
    }
    if (value instanceof Map) {
        const out = {};
        for (const [key, element] of value) {
            out[String(key)] = toWire(element);
        }
        return out;
    }
    if (value !== null && typeof value === 'object') {
        if (value.constructor && value.constructor.name === 'Tagged') {
            return { $tagged: value.tag, value: toWire(value.value) };
        }
        const out = {};
        for (const key of Object.keys(value)) {
            out[key] = toWire(value[key]);
        }
        return out;
    }
    return value;
}

// The WAMP JSON binary convention: a binary is a string of \u0000 followed by its base64.
function jsonBinaryReplacer(key, value) {
    const raw = this[key];
    if (isBinary(raw)) {
        const bytes = raw instanceof ArrayBuffer ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
        return '\u0000' + bytes.toString('base64');
    }
    return value;
}

function jsonBinaryReviver(key, value) {
    if (typeof value === 'string' && value.charCodeAt(0) === 0) {
        return Buffer.from(value.substring(1), 'base64');
    }
    return value;
}

// ---------------------------------------------------------------------------------------------------------------
// what the client received

const events = new Map();        // topic -> [{args, kwargs, details}]
const invocations = new Map();   // procedure -> [{args, kwargs, details}]
const waiters = new Set();       // {check, resolve}
const stats = { undefinedExtMessages: [] };

// the RPC messages on the wire, without payloads (type, request id, options/details), for the tests to inspect
const RPC_TYPES = new Set([8, 48, 49, 50, 68, 69, 70]);
// the PubSub requests the library sent (PUBLISH, SUBSCRIBE, UNSUBSCRIBE), without payloads: what it put on the wire
const PUBSUB_REQUESTS = new Set([16, 32, 34]);
const wire = { received: [], sent: [], pubsubSent: [] };
/** The INVOCATION being delivered: the libraries call the endpoint while decoding it, in the same tick. */
let deliveredInvocation = null;
/** The EVENT being delivered (subscription, publication, details as received), likewise. */
let deliveredEvent = null;

function tapReceived(message) {
    if (Array.isArray(message) && RPC_TYPES.has(message[0])) {
        const [type, request] = message;
        const dict = type === 8 ? { type: message[1], request: message[2], details: message[3], error: message[4] }
            : type === 68 ? message[3] : message[2];
        wire.received.push(toWire([type, type === 8 ? message[2] : request, dict]));
        if (type === 68) {
            deliveredInvocation = { request, details: message[3] || {} };
        }
    } else if (Array.isArray(message) && message[0] === 36) {
        deliveredEvent = { subscription: message[1], publication: message[2], details: message[3] || {} };
    }
    return message;
}

function tapSent(message) {
    if (Array.isArray(message) && RPC_TYPES.has(message[0])) {
        const [type, request] = message;
        const dict = type === 8 ? { type: message[1], request: message[2], error: message[4] } : message[2];
        wire.sent.push(toWire([type, type === 8 ? message[2] : request, dict]));
    } else if (Array.isArray(message) && PUBSUB_REQUESTS.has(message[0])) {
        wire.pubsubSent.push(toWire(message.slice(0, message[0] === 34 ? 3 : 4)));
    }
}

// calls started with callStart, by handle
const calls = new Map();
// invocations a hold callee keeps, by procedure: functions that answer them
const held = new Map();
// chunks of progressive call invocations a collect callee received, by INVOCATION request id
const collected = new Map();

/** The answer of a settled call: {ok, result|error, progress, elapsedMs}. */
async function settle(started) {
    const outcome = await started.outcome;
    return { ...outcome, progress: started.progress, elapsedMs: outcome.settledAt - started.startedAt };
}

/** What a callee with this behavior answers: {progress: [chunks], result} or {error}, or a promise of it. */
function calleeAnswer(command, invocation) {
    const { procedure, behavior, error, result, chunks } = command;
    switch (behavior) {
        case 'fail':
            return { error: { uri: error.uri, args: fromWire(error.args), kwargs: fromWire(error.kwargs) } };
        case 'constant':
            return { result: { args: fromWire(result.args ?? []), kwargs: fromWire(result.kwargs) } };
        case 'progress':
            return {
                progress: invocation.details.receive_progress ? (chunks || []).map(c => ({ args: fromWire(c.args ?? []), kwargs: fromWire(c.kwargs) })) : [],
                result: { args: fromWire(result.args ?? []), kwargs: fromWire(result.kwargs) },
            };
        case 'hold':
            return new Promise(resolve => {
                if (!held.has(procedure)) {
                    held.set(procedure, []);
                }
                held.get(procedure).push(() => resolve({ result: { args: fromWire(result?.args ?? []), kwargs: fromWire(result?.kwargs) } }));
            });
        case 'collect': {
            const request = invocation.request;
            if (!collected.has(request)) {
                collected.set(request, []);
            }
            const chunksSoFar = collected.get(request);
            chunksSoFar.push(invocation.rawArgs ?? []);
            if (invocation.details.progress) {
                // more chunks follow: this INVOCATION gets no answer of its own, the final one answers the call
                return new Promise(() => {});
            }
            collected.delete(request);
            return { result: { args: chunksSoFar.flat(), kwargs: { chunks: chunksSoFar.length, request } } };
        }
        default:
            // echo: each library answers in its own way (what it got, as it got it)
            return null;
    }
}

/** Records an invocation (with the details and request id the tap saw) and returns it. */
function recordInvocation(procedure, args, kwargs) {
    const delivered = deliveredInvocation || { request: null, details: {} };
    const invocation = { request: delivered.request, details: delivered.details, rawArgs: args, rawKwargs: kwargs };
    record(invocations, procedure, { args: toWire(args ?? []), kwargs: toWire(kwargs ?? {}), details: toWire(delivered.details), request: toWire(delivered.request) });
    return invocation;
}

/** Records an event under key, with what the tap saw of the EVENT the library is delivering. */
function recordEvent(key, args, kwargs) {
    const delivered = deliveredEvent || { subscription: null, publication: null, details: {} };
    record(events, key, { args: toWire(args ?? []), kwargs: toWire(kwargs ?? {}), details: toWire(delivered.details),
        subscription: toWire(delivered.subscription), publication: toWire(delivered.publication) });
}

/** Options for a library call: none (undefined) rather than an empty object. */
function optionsOrNone(options) {
    return options && Object.keys(options).length ? fromWire(options) : undefined;
}

// subscriptions by the key the test gave them: autobahn-js keeps Subscription objects, wampy ids
const subscriptions = new Map();

function record(map, key, entry) {
    if (!map.has(key)) {
        map.set(key, []);
    }
    map.get(key).push(entry);
    for (const waiter of [...waiters]) {
        waiter.check();
    }
}

/** Resolves with the entries under key (only those whose kwargs.token is token, when given) once there are count. */
function waitFor(map, key, count, timeoutMs, token) {
    const matching = () => (map.get(key) || []).filter(entry => token === undefined || (entry.kwargs && entry.kwargs.token === token));
    return new Promise((resolve, reject) => {
        const waiter = {};
        const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} on ${key}` + (token === undefined ? '' : ` with token ${token}`)
                + `, got ${matching().length} of ${(map.get(key) || []).length}: ${safeJson(map.get(key) || [])}`.substring(0, 4000)));
        }, timeoutMs);
        waiter.check = () => {
            const got = matching();
            if (got.length >= count) {
                clearTimeout(timer);
                waiters.delete(waiter);
                resolve(got);
            }
        };
        waiters.add(waiter);
        waiter.check();
    });
}

// ---------------------------------------------------------------------------------------------------------------
// autobahn-js

/** An ABORT instead of WELCOME: answered as a WAMP error, {uri, message}. */
class JoinRefused extends Error {
    constructor(uri, message) {
        super('join refused: ' + uri);
        this.uri = uri;
        this.abortMessage = message;
    }
}

/**
 * autobahn-js Connection options that authenticate as auth says: authid, authmethods, authextra, and an onchallenge
 * that answers each method's CHALLENGE with autobahn's own helpers (auth_cra, auth_cryptosign).
 */
function authOptions(auth) {
    const authextra = { ...(auth.authextra || {}) };
    let keyPair = null;
    if (auth.privateKey) {
        keyPair = autobahnLib.nacl.sign.keyPair.fromSeed(autobahnLib.util.htob(auth.privateKey));
        authextra.pubkey = autobahnLib.auth_cryptosign.public_key(keyPair);
    }
    return {
        authid: auth.authid ?? undefined,
        authmethods: auth.methods,
        authextra,
        onchallenge: (session, method, extra) => {
            switch (method) {
                case 'ticket':
                    return auth.ticket;
                case 'wampcra': {
                    const key = extra.salt
                        ? autobahnLib.auth_cra.derive_key(auth.secret, extra.salt, extra.iterations, extra.keylen)
                        : auth.secret;
                    return autobahnLib.auth_cra.sign(key, extra.challenge);
                }
                case 'cryptosign':
                    return autobahnLib.auth_cryptosign.sign_challenge(keyPair, extra);
                default:
                    throw new Error('the driver cannot answer a ' + method + ' challenge');
            }
        },
    };
}

/** autobahn-js once loaded, for authOptions. */
let autobahnLib = null;

async function autobahnClient() {
    if (typeof globalThis.WebSocket !== 'function') {
        throw new Error('autobahn-js needs a global WebSocket: run node with --experimental-websocket on Node 20');
    }
    const { default: autobahn } = await import('autobahn');
    autobahnLib = autobahn;
    let connection;
    let session;
    // how the session ended, as autobahn-js reports it: the GOODBYE's reason and details.message
    let closed = null;

    // autobahn-js hands a single positional result over as the value itself, and no result as null (so a lone null
    // result looks like none: the tests never send one)
    function autobahnResult(result) {
        if (result instanceof autobahn.Result) {
            return { args: toWire(result.args), kwargs: toWire(result.kwargs) };
        }
        return { args: result === null || result === undefined ? [] : [toWire(result)], kwargs: {} };
    }

    function refusal(e) {
        if (e instanceof autobahn.Error) {
            return { ok: false, error: { uri: e.error, args: toWire(e.args), kwargs: toWire(e.kwargs) } };
        }
        throw e;
    }

    return {
        library: 'autobahn-js ' + autobahn.version,

        connect({ url, realm, serializer, features, auth }) {
            if (features && Object.keys(features).length) {
                throw new Error('autobahn-js announces a fixed feature set: it cannot add ' + safeJson(features));
            }
            const serializers = {
                json: () => new autobahn.serializer.JSONSerializer(jsonBinaryReplacer, jsonBinaryReviver),
                msgpack: () => new autobahn.serializer.MsgpackSerializer(),
                cbor: () => new autobahn.serializer.CBORSerializer(),
            };
            if (!serializers[serializer]) {
                throw new Error('autobahn-js has no serializer ' + serializer);
            }
            const chosen = serializers[serializer]();
            const serialize = chosen.serialize.bind(chosen);
            const unserialize = chosen.unserialize.bind(chosen);
            chosen.serialize = (message) => {
                tapSent(message);
                return serialize(message);
            };
            chosen.unserialize = (payload) => tapReceived(unserialize(payload));
            // rs://host:port: autobahn-js's RawSocket transport (Node's net module), which speaks json only and
            // serializes with plain JSON.stringify (no binaries, no tap of the messages)
            const rawsocket = /^rs:\/\/([^:/]+):(\d+)\/?$/.exec(url);
            if (rawsocket && serializer !== 'json') {
                throw new Error('autobahn-js speaks RawSocket with json only, not ' + serializer);
            }
            const transport = rawsocket
                ? { transports: [{ type: 'rawsocket', host: rawsocket[1], port: Number(rawsocket[2]) }] }
                : { url, serializers: [chosen] };
            connection = new autobahn.Connection({
                ...transport, realm, max_retries: 0, retry_if_unreachable: false,
                ...(auth ? authOptions(auth) : {}),
            });
            // a driver may join again (each authentication test joins several times): this join's own state
            let joined = false;
            return new Promise((resolve, reject) => {
                connection.onopen = (opened, details) => {
                    joined = true;
                    session = opened;
                    resolve({ sessionId: opened.id, protocol: connection.transport.info.protocol,
                        authid: details.authid, authrole: details.authrole, authmethod: details.authmethod });
                };
                connection.onclose = (reason, details) => {
                    if (!joined && details?.reason) {
                        // the router said ABORT: its reason is the answer, not a failure of the driver
                        reject(new JoinRefused(details.reason, details.message ?? null));
                    }
                    else if (!joined) {
                        reject(new Error('connection closed before join: ' + reason + ' ' + safeJson(details)));
                    }
                    closed = { reason: details?.reason ?? null, message: details?.message ?? null };
                    return true;
                };
                connection.open();
            });
        },

        async call(command) {
            return settle(this.startCall(command));
        },

        /** autobahn-js: a single positional result is the value itself, a complex one a Result, none null. */
        startCall({ procedure, args, kwargs, options, progressive }) {
            if (progressive) {
                throw new Error('autobahn-js cannot send progressive call invocations (one CALL per request only)');
            }
            const started = { startedAt: Date.now(), progress: [] };
            const settled = (outcome) => ({ ...outcome, settledAt: Date.now() });
            const promise = session.call(procedure, fromWire(args), fromWire(kwargs), { ...(options || {}) });
            started.cancel = (mode) => promise.cancel(mode === undefined ? undefined : { mode });
            started.outcome = promise.then(
                result => settled({ ok: true, result: autobahnResult(result) }),
                e => {
                    if (e instanceof autobahn.Error) {
                        return settled({ ok: false, error: { uri: e.error, args: toWire(e.args), kwargs: toWire(e.kwargs) } });
                    }
                    throw e;
                },
                // when.js promises (autobahn-js's default) report progress to the third handler
                result => started.progress.push(autobahnResult(result)));
            return started;
        },

        async register(command) {
            const { procedure, behavior, options } = command;
            try {
                const registration = await session.register(procedure, (args, kwargs, details) => {
                    const invocation = recordInvocation(procedure, args, kwargs);
                    const answer = calleeAnswer(command, invocation);
                    if (answer === null) {
                        return new autobahn.Result(args, kwargs);
                    }
                    return Promise.resolve(answer).then(({ progress, result, error }) => {
                        if (error) {
                            throw new autobahn.Error(error.uri, error.args, error.kwargs);
                        }
                        for (const chunk of progress || []) {
                            details.progress(chunk.args, chunk.kwargs ?? {});
                        }
                        return new autobahn.Result(result.args, result.kwargs ?? {});
                    });
                }, options);
                return { ok: true, result: { registrationId: registration.id } };
            } catch (e) {
                if (e instanceof autobahn.Error) {
                    return { ok: false, error: { uri: e.error, args: toWire(e.args), kwargs: toWire(e.kwargs) } };
                }
                throw e;
            }
        },

        /** autobahn-js sends SUBSCRIBE.Options exactly as given ({match: 'prefix'}, {get_retained: true}, ...). */
        async subscribe({ topic, options, key }) {
            try {
                const subscription = await session.subscribe(topic, (args, kwargs) => recordEvent(key ?? topic, args, kwargs),
                    optionsOrNone(options));
                subscriptions.set(key ?? topic, subscription);
                return { ok: true, result: { subscriptionId: subscription.id } };
            } catch (e) {
                return refusal(e);
            }
        },

        async unsubscribe({ key }) {
            const subscription = subscriptions.get(key);
            if (!subscription) {
                throw new Error('no subscription under ' + key);
            }
            try {
                await session.unsubscribe(subscription);
                subscriptions.delete(key);
                return { ok: true, result: {} };
            } catch (e) {
                return refusal(e);
            }
        },

        /**
         * autobahn-js sends PUBLISH.Options exactly as given (any type: the broker judges them) and answers a
         * promise only with acknowledge.
         */
        async publish({ topic, args, kwargs, options }) {
            try {
                const publication = await session.publish(topic, fromWire(args), fromWire(kwargs), { acknowledge: true, ...fromWire(options || {}) });
                return { ok: true, result: { publicationId: publication ? publication.id : null } };
            } catch (e) {
                return refusal(e);
            }
        },

        publishMany({ topic, count, options, kwargs }) {
            const all = { acknowledge: true, ...fromWire(options || {}) };
            const acks = [];
            for (let i = 0; i < count; i++) {
                // autobahn-js keeps the options object with the request: each PUBLISH gets its own
                acks.push(session.publish(topic, [i], fromWire(kwargs), { ...all }));
            }
            return Promise.all(acks).then(publications => publications.map(p => (p ? p.id : null)));
        },

        /** Whether the session is open, and if it was closed by the router, the GOODBYE's reason and message. */
        status() {
            return { open: Boolean(session && session.isOpen), closeReason: closed?.reason ?? null,
                closeMessage: closed?.message ?? null };
        },

        leave() {
            return new Promise(resolve => {
                if (!connection || !session || !session.isOpen) {
                    resolve({ left: false });
                    return;
                }
                connection.onclose = (reason) => {
                    resolve({ left: true, reason });
                    return true;
                };
                connection.close('wamp.close.normal', 'interop test done');
            });
        },
    };
}

// ---------------------------------------------------------------------------------------------------------------
// wampy

async function wampyClient() {
    const { Wampy } = await import('wampy');
    const { MsgpackSerializer } = await import('wampy/MsgpackSerializer.js');
    const { CborSerializer } = await import('wampy/CborSerializer.js');
    const { default: WebSocket } = await import('ws');
    const wampyVersion = JSON.parse(readFileSync(new URL('./node_modules/wampy/package.json', import.meta.url), 'utf8')).version;
    let wampy;

    /** wampy's MessagePack serializer, watched: messages it sends with `undefined` inside are counted. */
    function watchedMsgpack() {
        const serializer = new MsgpackSerializer();
        const encode = serializer.encode.bind(serializer);
        serializer.encode = (message) => {
            const bytes = encode(message);
            if (containsUndefined(message) && containsExtType0(bytes)) {
                stats.undefinedExtMessages.push(toWire(message));
            }
            return bytes;
        };
        return serializer;
    }

    function containsUndefined(value) {
        if (value === undefined) {
            return true;
        }
        if (Array.isArray(value)) {
            return value.some(containsUndefined);
        }
        if (value !== null && typeof value === 'object' && !isBinary(value)) {
            return Object.values(value).some(containsUndefined);
        }
        return false;
    }

    /** msgpackr writes undefined as fixext 1 of type 0: d4 00 00. */
    function containsExtType0(bytes) {
        for (let i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] === 0xd4 && bytes[i + 1] === 0x00 && bytes[i + 2] === 0x00) {
                return true;
            }
        }
        return false;
    }

    function payload(args, kwargs) {
        if (args === undefined && kwargs === undefined) {
            return undefined;
        }
        return { argsList: fromWire(args === undefined ? [] : args), argsDict: fromWire(kwargs) };
    }

    function refusal(e) {
        if (e && e.errorUri) {
            return { ok: false, error: { uri: e.errorUri, args: toWire(e.argsList ?? []), kwargs: toWire(e.argsDict ?? {}) } };
        }
        throw e;
    }

    return {
        library: 'wampy ' + (wampyVersion || '8'),

        async connect({ url, realm, serializer, features, auth }) {
            if (auth) {
                throw new Error('the driver authenticates with autobahn-js only');
            }
            const serializers = {
                json: () => ({
                    protocol: 'json',
                    isBinary: false,
                    encode: data => JSON.stringify(data, jsonBinaryReplacer),
                    decode: data => JSON.parse(data, jsonBinaryReviver),
                }),
                msgpack: watchedMsgpack,
                cbor: () => new CborSerializer(),
            };
            if (!serializers[serializer]) {
                throw new Error('wampy has no serializer ' + serializer);
            }
            // wampy answers a message it cannot decode with ABORT and a closed connection, and keeps the reason to
            // itself: say it on stderr, which the test shows when something fails
            const chosen = serializers[serializer]();
            const decode = chosen.decode.bind(chosen);
            const encode = chosen.encode.bind(chosen);
            chosen.decode = (data) => {
                try {
                    return tapReceived(decode(data));
                } catch (e) {
                    log(`wampy (${serializer}) cannot decode a received message of ${data.byteLength ?? data.length} bytes: ${e && e.message}`);
                    throw e;
                }
            };
            chosen.encode = (message) => {
                tapSent(message);
                return encode(message);
            };
            wampy = new Wampy(url, { ws: WebSocket, realm, serializer: chosen, autoReconnect: false, debug: false });
            // wampy builds HELLO's roles from this table; a test may add features wampy implements but does not
            // announce (it sends progressive call invocations without announcing progressive_call_invocations)
            for (const [role, added] of Object.entries(features || {})) {
                Object.assign(wampy._wamp_features.roles[role].features, added);
            }
            const welcome = await wampy.connect();
            return { sessionId: wampy.getSessionId(), protocol: 'wamp.2.' + wampy._options.serializer.protocol,
                authid: welcome?.authid, authrole: welcome?.authrole };
        },

        async call(command) {
            return settle(this.startCall(command));
        },

        startCall({ procedure, args, kwargs, options, progressive }) {
            const started = { startedAt: Date.now(), progress: [] };
            const opts = { ...(options || {}) };
            if (opts.receive_progress) {
                // wampy asks for progressive results when, and only when, it is given a progress callback
                delete opts.receive_progress;
                opts.progress_callback = ({ argsList, argsDict }) => started.progress.push({ args: toWire(argsList ?? []), kwargs: toWire(argsDict ?? {}) });
            }
            let promise;
            if (progressive) {
                const progressiveCall = wampy.progressiveCall(procedure, payload(args, kwargs), opts);
                promise = progressiveCall.result;
                started.send = (chunkArgs, chunkKwargs, final) => progressiveCall.sendData(payload(chunkArgs, chunkKwargs), { progress: !final });
            } else {
                promise = wampy.call(procedure, payload(args, kwargs), opts);
            }
            // wampy sends the CALL before call() returns and keeps its request id in the operation status
            started.requestId = wampy.getOpStatus().reqId;
            started.cancel = (mode) => wampy.cancel(started.requestId, mode === undefined ? undefined : { mode });
            started.outcome = promise.then(
                result => ({ ok: true, result: { args: toWire(result.argsList ?? []), kwargs: toWire(result.argsDict ?? {}) }, settledAt: Date.now() }),
                e => {
                    if (e && e.errorUri) {
                        return { ok: false, error: { uri: e.errorUri, args: toWire(e.argsList ?? []), kwargs: toWire(e.argsDict ?? {}) }, settledAt: Date.now() };
                    }
                    throw e;
                });
            return started;
        },

        async register(command) {
            const { procedure, behavior, options } = command;
            try {
                const registration = await wampy.register(procedure, ({ argsList, argsDict, result_handler }) => {
                    const invocation = recordInvocation(procedure, argsList, argsDict);
                    const answer = calleeAnswer(command, invocation);
                    if (answer === null) {
                        if (argsList === undefined && argsDict === undefined) {
                            return undefined;
                        }
                        return { argsList: argsList ?? [], argsDict };
                    }
                    return Promise.resolve(answer).then(({ progress, result, error }) => {
                        if (error) {
                            throw { error: error.uri, argsList: error.args, argsDict: error.kwargs };
                        }
                        for (const chunk of progress || []) {
                            result_handler({ argsList: chunk.args, argsDict: chunk.kwargs, options: { progress: true } });
                        }
                        return { argsList: result.args, argsDict: result.kwargs };
                    });
                }, options);
                return { ok: true, result: { registrationId: registration.registrationId } };
            } catch (e) {
                if (e && e.errorUri) {
                    return { ok: false, error: { uri: e.errorUri, args: toWire(e.argsList ?? []), kwargs: toWire(e.argsDict ?? {}) } };
                }
                throw e;
            }
        },

        /**
         * wampy puts only match and get_retained (and custom _xyz options) into SUBSCRIBE.Options. It files a
         * subscription under its topic and options, but looks an UNSUBSCRIBED up under the topic alone: the
         * unsubscribe of a subscription made with options never completes (wampy 8.0.2), so the tests unsubscribe
         * only subscriptions made without.
         */
        async subscribe({ topic, options, key }) {
            try {
                const subscription = await wampy.subscribe(topic, ({ argsList, argsDict }) => recordEvent(key ?? topic, argsList, argsDict),
                    optionsOrNone(options));
                subscriptions.set(key ?? topic, subscription.subscriptionId);
                return { ok: true, result: { subscriptionId: subscription.subscriptionId } };
            } catch (e) {
                return refusal(e);
            }
        },

        async unsubscribe({ key }) {
            if (!subscriptions.has(key)) {
                throw new Error('no subscription under ' + key);
            }
            try {
                await wampy.unsubscribe(subscriptions.get(key));
                subscriptions.delete(key);
                return { ok: true, result: {} };
            } catch (e) {
                return refusal(e);
            }
        },

        /**
         * wampy always sends acknowledge: true; it sends exclude_me and disclose_me only when truthy (so never
         * exclude_me: false), drops retain after checking it is a boolean, passes exclude/eligible lists on as they
         * are (a single value becomes a list of one, an empty list it refuses itself), and custom _xyz options.
         */
        async publish({ topic, args, kwargs, options }) {
            try {
                const published = await wampy.publish(topic, payload(args, kwargs), optionsOrNone(options));
                return { ok: true, result: { publicationId: published?.publicationId ?? null } };
            } catch (e) {
                return refusal(e);
            }
        },

        publishMany({ topic, count, options, kwargs }) {
            const acks = [];
            for (let i = 0; i < count; i++) {
                // wampy sends the PUBLISH before publish() returns its promise
                acks.push(wampy.publish(topic, payload([i], kwargs), optionsOrNone(options)));
            }
            return Promise.all(acks).then(published => published.map(p => p?.publicationId ?? null));
        },

        status() {
            return { open: Boolean(wampy && wampy.getSessionId() && wampy._ws && wampy._ws.readyState === 1) };
        },

        async leave() {
            if (!wampy || !wampy.getSessionId()) {
                return { left: false };
            }
            await wampy.disconnect();
            return { left: true };
        },
    };
}

// ---------------------------------------------------------------------------------------------------------------
// command loop

const factories = { autobahn: autobahnClient, wampy: wampyClient };
if (!factories[clientName]) {
    log('usage: node wamp-driver.mjs autobahn|wampy');
    process.exit(2);
}

let idleTimer;
function touch() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
        log(`wamp-driver: idle for ${IDLE_LIMIT_MS} ms, exiting`);
        process.exit(3);
    }, IDLE_LIMIT_MS);
}
touch();

const client = await factories[clientName]();
reply({ id: 0, ok: true, result: { ready: true, library: client.library, node: process.version } });

/** Commands run one at a time, so a lost answer must not hold up the ones after it. */
function limited(promise, command) {
    const limit = command.timeoutMs ?? 25000;
    let timer;
    return Promise.race([
        promise,
        new Promise((resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer to ${command.op} within ${limit} ms`)), limit);
        }),
    ]).finally(() => clearTimeout(timer));
}

function startedCall(handle) {
    const started = calls.get(handle);
    if (!started) {
        throw new Error('no call started with handle ' + handle);
    }
    return started;
}

async function handle(command) {
    switch (command.op) {
        case 'connect':
            try {
                return { ok: true, result: await limited(client.connect(command), command) };
            } catch (e) {
                if (e instanceof JoinRefused) {
                    return { ok: false, error: { uri: e.uri, message: e.abortMessage } };
                }
                throw e;
            }
        case 'call':
            return limited(client.call(command), command);
        case 'callStart': {
            if (calls.has(command.handle)) {
                throw new Error('call handle ' + command.handle + ' is in use');
            }
            const started = client.startCall(command);
            // a failure of the driver itself (not a WAMP error) is reported by callResult
            started.outcome = started.outcome.catch(e => ({ failed: e }));
            calls.set(command.handle, started);
            return { ok: true, result: { handle: command.handle, requestId: toWire(started.requestId) } };
        }
        case 'callSend': {
            const started = startedCall(command.handle);
            if (!started.send) {
                throw new Error('call ' + command.handle + ' is not a progressive call invocation');
            }
            started.send(command.args, command.kwargs, Boolean(command.final));
            return { ok: true, result: {} };
        }
        case 'cancel':
            startedCall(command.handle).cancel(command.mode ?? undefined);
            return { ok: true, result: {} };
        case 'callResult': {
            const started = startedCall(command.handle);
            const answer = await limited(settle(started), command);
            calls.delete(command.handle);
            if (answer.failed) {
                throw answer.failed;
            }
            return answer;
        }
        case 'register':
            return limited(client.register(command), command);
        case 'release': {
            const waiting = held.get(command.procedure) || [];
            held.delete(command.procedure);
            waiting.forEach(answer => answer());
            return { ok: true, result: { released: waiting.length } };
        }
        case 'wire':
            return { ok: true, result: wire };
        case 'subscribe':
            return limited(client.subscribe(command), command);
        case 'unsubscribe':
            return limited(client.unsubscribe(command), command);
        case 'publish':
            return limited(client.publish(command), command);
        case 'publishMany': {
            const publicationIds = await limited(client.publishMany(command), command);
            return { ok: true, result: { published: publicationIds.length, publicationIds: toWire(publicationIds) } };
        }
        case 'events':
            return { ok: true, result: await waitFor(events, command.key ?? command.topic, command.count ?? 0, command.timeoutMs ?? 10000, command.token ?? undefined) };
        case 'invocations':
            return { ok: true, result: await waitFor(invocations, command.procedure, command.count ?? 0, command.timeoutMs ?? 10000, command.token ?? undefined) };
        case 'stats':
            return { ok: true, result: stats };
        case 'status':
            return { ok: true, result: client.status() };
        case 'leave':
            return { ok: true, result: await client.leave() };
        default:
            throw new Error('unknown op ' + command.op);
    }
}

// Commands run one after the other, in arrival order; the test waits for each reply anyway.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', line => {
    touch();
    if (!line.trim()) {
        return;
    }
    let command;
    try {
        command = JSON.parse(line);
    } catch (e) {
        reply({ id: -1, ok: false, failure: 'unparsable command: ' + e.message });
        return;
    }
    queue = queue
        .then(() => handle(command))
        .then(answer => reply({ id: command.id, ...answer }))
        .catch(failure => reply({ id: command.id, ok: false, failure: String(failure && failure.stack || failure) }))
        .then(() => {
            if (command.op === 'leave') {
                process.exit(0);
            }
        });
});
lines.on('close', () => queue.then(() => process.exit(0)));
process.on('unhandledRejection', reason => log('unhandled rejection:', String(reason && reason.stack || reason)));
