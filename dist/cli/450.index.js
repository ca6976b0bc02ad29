export const id = 450;
export const ids = [450];
export const modules = {

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ StoreError),
/* harmony export */   c8: () => (/* binding */ SourceError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony exports formatConfigProblem, PublishError */
/**
 * Errors a user can cause or fix. Each carries the fix, so that the mode that catches it
 * can print one clear line (or one annotation) instead of a stack trace.
 */
class UserError extends Error {
    /** What to do about it, in one sentence. */
    fix;
    constructor(message, fix, options) {
        super(message, options);
        this.name = new.target.name;
        this.fix = fix;
    }
    /** The message and the fix, as a person should read them. */
    describe() {
        return this.fix ? `${this.message}\n  fix: ${this.fix}` : this.message;
    }
}
/** The configuration file is wrong. `problems` lists every mistake in the file at once. */
class ConfigError extends UserError {
    problems;
    constructor(file, problems) {
        const lines = problems.map((p) => formatConfigProblem(file, p));
        super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the configuration\n${lines.join('\n')}`);
        this.problems = problems;
    }
    describe() {
        return this.message;
    }
}
function formatConfigProblem(file, p) {
    const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
    const example = p.example ? `\n    e.g. ${p.example}` : '';
    return `  ${where}: ${p.path || '(top level)'}: ${p.message}${example}`;
}
/** A trace source (Lightstep API, OTLP files) failed in a way the user can act on. */
class SourceError extends UserError {
}
/** A stored dataset or the store itself is unusable. */
class StoreError extends UserError {
}
/** Publishing to GitHub failed (missing permission, fork PR, …). */
class PublishError extends (/* unused pure expression or super */ null && (UserError)) {
}
/** Bad command-line or action input. */
class InputError extends UserError {
}


/***/ }),

/***/ 89450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readInWorker: () => (/* binding */ readInWorker),
/* harmony export */   serveReadWorker: () => (/* binding */ serveReadWorker),
/* harmony export */   workersAvailable: () => (/* binding */ workersAvailable),
/* harmony export */   worthAWorker: () => (/* binding */ worthAWorker)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);




/**
 * Reading a side in a worker thread while the calling thread reads the other (readSpanFiles decides),
 * so that the two sides of a diff are read (parsed, deduplicated, ordered) at once on two cores. The worker reads exactly as the calling thread would and sends
 * back the dataset's columns: the typed arrays are transferred, not copied, and no object per span
 * is made on either side. The bundle (dist/) has one file: the worker runs that same file, whose
 * entry points call `serveReadWorker` first (cli.ts, index.ts).
 */
const KEY = 'traceDifferReadSpans';
/** Below this many bytes of input a side is read in the calling thread: a worker costs ~50 ms to start and load the code. */
const WORKER_BYTES = 16 << 20;
/** Whether files this large are better read in a worker (and there is a second core to read them on). */
async function worthAWorker(paths) {
    if (!workersAvailable())
        return false;
    let total = 0;
    for (const path of paths) {
        total += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => ({ size: 0 }))).size;
        if (total >= WORKER_BYTES)
            return true;
    }
    return false;
}
/** The buffers of a table's columns, to transfer. */
function columns(t) {
    const arrays = [
        t.trace,
        t.span,
        t.parentSpan,
        t.parent,
        t.start,
        t.duration,
        t.error,
        t.service,
        t.operation,
        t.host,
    ];
    // A buffer shared by two views is transferred once.
    return [...new Set([...arrays, ...t.tags].map((a) => a.buffer))];
}
const USER_ERRORS = {
    InputError: _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz,
    SourceError: _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c8,
    StoreError: _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD,
    UserError: _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo,
};
/** The program's entry file, as its entry point gave it to `serveReadWorker` (the bundle's code is split into chunks: this module's own file is not one to run). */
let entry;
/** The worker's script: the program's own entry in the bundle, read-worker.ts when run from the sources (through tsx); none otherwise. */
function script() {
    const here = import.meta.url;
    if (here.endsWith('.ts'))
        return { url: new URL('./read-worker.ts', here), execArgv: ['--import', 'tsx'] };
    return entry ? { url: new URL(entry) } : undefined;
}
/** Whether a worker can be started here at all (the program came in through an entry point that serves it). */
function workersAvailable() {
    return script() !== undefined && (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() >= 2;
}
/** `readSpanFiles` in a worker thread: the same dataset, or the same mistake (its class, message and fix). */
function readInWorker(paths, options) {
    const { url, execArgv } = script() ?? {};
    if (!url)
        return Promise.reject(new Error('no entry point to start a worker from'));
    return new Promise((resolve, reject) => {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(url, {
            workerData: { [KEY]: { paths, options } },
            // A small young generation: two workers with the default one held ~1 GiB between them on the
            // bench's 1M-span sides, with it ~0.8 GiB, for the same CPU time.
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
            ...(execArgv ? { execArgv } : {}),
        });
        let answered = false;
        worker.once('message', (answer) => {
            answered = true;
            if (answer.dataset)
                resolve(answer.dataset);
            else {
                const e = answer.error;
                const UserErrorClass = USER_ERRORS[e.kind];
                reject(UserErrorClass ? new UserErrorClass(e.message, e.fix) : new Error(e.message));
            }
        });
        worker.once('error', (error) => {
            answered = true;
            reject(error);
        });
        worker.once('exit', (code) => {
            if (!answered)
                reject(new Error(`the worker reading ${paths.join(', ')} stopped without an answer (exit code ${code})`));
        });
    });
}
/**
 * Called first by each entry point with its own URL: in a worker started by `readInWorker`, reads,
 * answers and returns true; anywhere else notes the entry (the script of workers to come) and
 * returns false at once.
 */
async function serveReadWorker(entryUrl) {
    entry = entryUrl;
    const job = node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.workerData?.[KEY];
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.isMainThread || !job)
        return false;
    let answer;
    let transfer = [];
    try {
        const { readSpanFiles } = await __webpack_require__.e(/* import() */ 945).then(__webpack_require__.bind(__webpack_require__, 64945));
        const dataset = await readSpanFiles(job.paths, { ...job.options, inThread: true });
        answer = { dataset };
        transfer = columns(dataset.table);
    }
    catch (error) {
        const e = error;
        answer = {
            error: {
                kind: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo ? (e.name in USER_ERRORS ? e.name : 'UserError') : 'Error',
                message: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo ? e.message : (e.stack ?? e.message),
                ...(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo && error.fix ? { fix: error.fix } : {}),
            },
        };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.parentPort.postMessage(answer, transfer);
    return true;
}


/***/ })

};
