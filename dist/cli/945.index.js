export const id = 945;
export const ids = [945,396];
export const modules = {

/***/ 80770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oh: () => (/* binding */ parseClauses),
/* harmony export */   aN: () => (/* binding */ parseFilter),
/* harmony export */   qd: () => (/* binding */ FILTER_EXAMPLE)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

const FILTER_EXAMPLE = 'service.name = "android" AND http.route IN ("/api/pay", "/api/cart")';
/** The clauses of a filter (none for an empty one); a UserError names the character it cannot read. */
function parseClauses(text) {
    const src = text.trim();
    const clauses = [];
    const re = /\s*([A-Za-z_][\w.\-/]*)\s*(=|!=|\bIN\b)\s*(?:"((?:[^"\\]|\\.)*)"|\(\s*((?:"(?:[^"\\]|\\.)*"\s*,?\s*)+)\))\s*(AND\b|$)/iy;
    let pos = 0;
    while (pos < src.length) {
        re.lastIndex = pos;
        const m = re.exec(src);
        if (!m) {
            while (src[pos] === ' ')
                pos++;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`filter ${JSON.stringify(text)} cannot be read at character ${pos + 1}: ${JSON.stringify(src.slice(pos, pos + 20))}`, `write it like: ${FILTER_EXAMPLE}`);
        }
        const op = m[2].toUpperCase();
        const values = m[3] !== undefined ? [m[3]] : [...m[4].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => v[1]);
        clauses.push({ key: m[1], op, values: values.map((v) => v.replace(/\\(.)/g, '$1')) });
        pos = re.lastIndex;
        if (m[5] === '' && pos < src.length)
            break;
    }
    return clauses;
}
function parseFilter(text) {
    const clauses = parseClauses(text);
    if (clauses.length === 0)
        return undefined;
    const get = (t, row, key) => {
        if (key === 'service.name' || key === 'service')
            return t.strings[t.service[row]];
        if (key === 'name' || key === 'operation')
            return t.strings[t.operation[row]];
        if (key === 'status')
            return t.error[row] ? 'error' : 'ok';
        const column = t.tagKeys.indexOf(key);
        const v = column < 0 ? -1 : t.tags[column][row];
        return v < 0 ? undefined : t.strings[v];
    };
    return (t, row) => clauses.every((c) => {
        const v = get(t, row, c.key);
        const hit = v !== undefined && c.values.includes(v);
        return c.op === '!=' ? !hit : hit;
    });
}


/***/ }),

/***/ 72294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ assembleDataset),
/* harmony export */   p: () => (/* binding */ spanWindow)
/* harmony export */ });
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20040);

/** The earliest start and latest end of a table's spans, or undefined when it has none. */
function spanWindow(t) {
    if (t.size === 0)
        return undefined;
    let start = Infinity;
    let end = -Infinity;
    for (let i = 0; i < t.size; i++) {
        const s = t.start[i];
        if (s < start)
            start = s;
        const e = s + t.duration[i];
        if (e > end)
            end = e;
    }
    return { windowStartUs: start, windowEndUs: end };
}
/**
 * The one place a dataset is assembled from what a reader wrote into a `SpanTableBuilder`:
 * spans deduplicated on (trace id, span id), the source's filter applied, the table made canonical
 * (see `canonicalTable`: order-free), the window and the trace count computed. Every reader and
 * source ends here.
 */
function assembleDataset(raw, options) {
    // The builder is handed over: its rows become the raw table without a copy.
    const rawTable = raw instanceof _table_js__WEBPACK_IMPORTED_MODULE_0__/* .SpanTableBuilder */ .Sd ? raw.finish(true) : raw;
    const keep = options.keep;
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalTable */ .Jh)(rawTable, keep ? (row) => keep(rawTable, row) : undefined);
    const traces = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .traceCount */ .BI)(table);
    const window = options.window === false ||
        (options.provenance.windowStartUs !== undefined && options.provenance.windowEndUs !== undefined)
        ? {}
        : (spanWindow(table) ?? {});
    return {
        provenance: { ...options.provenance, ...window },
        coverage: {
            complete: true,
            exemplars: rawTable.size,
            tracesWanted: traces,
            tracesFetched: traces,
            tracesFailed: 0,
            failures: [],
            ...options.coverage,
        },
        table,
    };
}


/***/ }),

/***/ 1381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fm: () => (/* binding */ isDatasetFile),
  DN: () => (/* binding */ readDatasetFile),
  Yc: () => (/* binding */ writeDatasetFile)
});

// UNUSED EXPORTS: encodeDataset, encodeDatasetV1

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/dataset/checksum.ts

/**
 * The checksum of a dataset file's header and body together: SHA-256 over the header's JSON without its
 * own `sha256` field, a newline, then the body's bytes. `checksumStart` returns the hash for a reader to
 * feed the body it streams; `checksumOf` is for a body in hand. It catches damage to, and edits of, either
 * part; it is not a signature (anyone can compute it), so where a file comes from is the store's check.
 */
function checksumStart(header) {
    const { sha256: _own, ...rest } = header;
    return (0,external_node_crypto_.createHash)('sha256').update(`${JSON.stringify(rest)}\n`);
}
function checksum_checksumOf(header, body) {
    return checksumStart(header).update(body).digest('hex');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/dataset/assemble.ts
var assemble = __webpack_require__(72294);
// EXTERNAL MODULE: ./src/dataset/format.ts
var format = __webpack_require__(56801);
// EXTERNAL MODULE: ./src/dataset/id-list.ts
var id_list = __webpack_require__(3992);
;// CONCATENATED MODULE: ./src/dataset/columns.ts

/**
 * The column codecs of the dataset file (format 2): integers packed at the narrowest width that
 * holds them, and unsigned LEB128 varints for times. Plain byte layouts that gzip then squeezes.
 */
/** Zigzag: small signed integers to small unsigned ones (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
const zigzag = (n) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (n) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
/** Non-negative integers below 2^32 at 1, 2 or 4 bytes each (the first byte says which). */
function packUints(values) {
    let max = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] > max)
            max = values[i];
    const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
    const out = Buffer.alloc(1 + width * values.length);
    out[0] = width;
    if (width === 1)
        for (let i = 0; i < values.length; i++)
            out[1 + i] = values[i];
    else if (width === 2)
        for (let i = 0; i < values.length; i++)
            out.writeUInt16LE(values[i], 1 + 2 * i);
    else
        for (let i = 0; i < values.length; i++)
            out.writeUInt32LE(values[i], 1 + 4 * i);
    return out;
}
function unpackUints(bytes, count, what) {
    const width = bytes[0];
    if ((width !== 1 && width !== 2 && width !== 4) || bytes.length !== 1 + width * count)
        throw new Error(`the ${what} column is malformed`);
    const out = new Uint32Array(count);
    if (width === 1)
        for (let i = 0; i < count; i++)
            out[i] = bytes[1 + i];
    else if (width === 2)
        for (let i = 0; i < count; i++)
            out[i] = bytes.readUInt16LE(1 + 2 * i);
    else
        for (let i = 0; i < count; i++)
            out[i] = bytes.readUInt32LE(1 + 4 * i);
    return out;
}
/** Non-negative integers up to 2^53 as LEB128 varints (7 bits a byte). */
function packVarints(values) {
    const out = Buffer.allocUnsafe(values.length * 8 + 16);
    let at = 0;
    for (let i = 0; i < values.length; i++) {
        let v = values[i];
        // Below 2^31 the bit operations apply; above, division (a varint of up to 53 bits).
        while (v >= 2147483648) {
            out[at++] = (v % 128) | 128;
            v = Math.floor(v / 128);
        }
        while (v >= 128) {
            out[at++] = (v & 127) | 128;
            v >>>= 7;
        }
        out[at++] = v;
    }
    return out.subarray(0, at);
}
function unpackVarints(bytes, count, what) {
    const out = new Float64Array(count);
    const end = bytes.length;
    let at = 0;
    for (let i = 0; i < count; i++) {
        // Most values are one byte: that case costs one comparison.
        const first = at < end ? bytes[at++] : 256;
        if (first < 128) {
            out[i] = first;
            continue;
        }
        if (first === 256)
            throw new Error(`the ${what} column is malformed`);
        let v = first & 127;
        let scale = 128;
        for (;;) {
            if (at >= end || scale > 2 ** 56)
                throw new Error(`the ${what} column is malformed`);
            const b = bytes[at++];
            v += (b & 127) * scale;
            if (b < 128)
                break;
            scale *= 128;
        }
        out[i] = v;
    }
    if (at !== end)
        throw new Error(`the ${what} column is malformed`);
    return out;
}
/**
 * Varints that each fit 31 bits (the index columns), straight into an Int32Array: no float per
 * value and no intermediate array. A larger value is malformed here.
 */
function unpackVarints32(bytes, count, what) {
    const out = new Int32Array(count);
    const end = bytes.length;
    let at = 0;
    for (let i = 0; i < count; i++) {
        if (at >= end)
            throw new Error(`the ${what} column is malformed`);
        let b = bytes[at++];
        let v = b & 127;
        for (let shift = 7; b >= 128; shift += 7) {
            if (at >= end || shift > 28)
                throw new Error(`the ${what} column is malformed`);
            b = bytes[at++];
            if (shift === 28 && b > 7)
                throw new Error(`the ${what} column is malformed`);
            v |= (b & 127) << shift;
        }
        out[i] = v;
    }
    if (at !== end)
        throw new Error(`the ${what} column is malformed`);
    return out;
}
/**
 * Ids that are all hex of one even width are stored as their bytes; others as a JSON list. A list of
 * hex ids held as words (id-list.ts) is written from its words, without a string.
 */
function packIdList(list) {
    if (list.count === 0 || list.texts.size > 0)
        return packIds((0,id_list/* idStrings */.GN)(list));
    const bytes = (0,id_list/* idListBytes */.pF)(list);
    return { kind: 'hex', width: list.width, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
/** As `packIdList`, for ids given as strings. */
function packIds(ids) {
    const width = ids[0]?.length ?? 0;
    let hex = width > 0 && width % 2 === 0;
    for (let i = 0; hex && i < ids.length; i++)
        hex = ids[i].length === width;
    // All of one width: joined, they are converted in one call, not one per id, and checked by converting
    // back (decoding stops at the first character that is not hex; upper case would not read back the same).
    const joined = hex ? ids.join('') : '';
    const bytes = Buffer.from(joined, 'hex');
    if (!hex || bytes.length * 2 !== joined.length || bytes.toString('hex') !== joined)
        return { kind: 'json', width: 0, bytes: Buffer.from(JSON.stringify(ids)) };
    return { kind: 'hex', width, bytes };
}
/**
 * Checks a stored id column and returns how to make its list: ids stored as hex bytes are turned
 * into strings only when asked (the diff never reads them: a million id strings cost a second of
 * decoding and collecting), then all at once as one hex string cut into slices.
 */
function unpackIds(bytes, kind, width, count, what, listWidth) {
    if (kind === 'json') {
        const ids = JSON.parse(bytes.toString('utf8'));
        if (!Array.isArray(ids) || ids.length !== count || !ids.every((s) => typeof s === 'string'))
            throw new Error(`the ${what} column is malformed`);
        return () => ids;
    }
    const size = width / 2;
    if (kind !== 'hex' || !Number.isInteger(size) || size <= 0 || bytes.length !== size * count)
        throw new Error(`the ${what} column is malformed`);
    // Hex of the width the table holds as words (nearly always): the words, read from the bytes.
    if (width === listWidth)
        return (0,id_list/* idListOfBytes */.Qr)(bytes, listWidth, count);
    return () => {
        const hex = bytes.toString('hex');
        const out = new Array(count);
        for (let i = 0; i < count; i++)
            out[i] = hex.slice(i * width, (i + 1) * width);
        return out;
    };
}

// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var dataset_table = __webpack_require__(20040);
;// CONCATENATED MODULE: ./src/dataset/format-v2.ts






const gzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gzip);
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
/**
 * The dataset file, format 2 (columnar):
 *
 *   TRACE-DIFFER-DATASET 2\n
 *   {header JSON: provenance, coverage, counts, and the name and length of each column}\n
 *   gzip(the columns, one after another)
 *   SHA-256 of everything before it, 64 hex digits
 *
 * The checksum covers the magic line, the header and the body: nothing can be altered unseen.
 * The table is written canonical (see `SpanTable`), so traces are stored as how many rows each
 * has, and integer columns as varints of small differences: ~20 bytes a span, most of them the
 * random span ids, and read back in a fraction of a second with no object per span.
 */
const V2 = 2;
const MAGIC_LINE = `TRACE-DIFFER-DATASET ${V2}\n`;
const CHECKSUM_HEX = 64;
/** Limits a header may claim before anything is allocated (a corrupt or hostile file cannot ask for more). */
const MAX_SPANS = 2 ** 28;
const MAX_RAW_BYTES = 2 ** 32 - 1;
function doubles(xs) {
    return Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength);
}
/** Encodes a dataset into one file buffer. */
async function encodeV2(dataset) {
    const t = dataset.table;
    const n = t.size;
    const columns = [];
    const ids = (0,dataset_table/* idListsOf */.GQ)(t);
    const traceIds = packIdList(ids.trace);
    const spanIds = packIdList(ids.span);
    columns.push(['traceIds', traceIds.bytes], ['spanIds', spanIds.bytes]);
    columns.push(['strings', Buffer.from(JSON.stringify(t.strings))]);
    const sizes = new Float64Array((0,dataset_table/* traceCount */.BI)(t));
    for (let i = 0; i < n; i++)
        sizes[t.trace[i]]++;
    columns.push(['traceSizes', packVarints(sizes)]);
    const ints = new Float64Array(n);
    const put = (name) => columns.push([name, packVarints(ints)]);
    // Each column's loop is written out (no callback per value): this runs over every row of every column.
    const { span, parentSpan, start, duration } = t;
    for (let i = 0; i < n; i++)
        ints[i] = zigzag(span[i] - (i ? span[i - 1] : 0));
    put('span');
    for (let i = 0; i < n; i++)
        ints[i] = parentSpan[i] < 0 ? 0 : zigzag(parentSpan[i] - span[i]) + 1;
    put('parentSpan');
    let integerTimes = true;
    for (let i = 0; i < n && integerTimes; i++)
        integerTimes = Number.isSafeInteger(start[i]) && Number.isSafeInteger(duration[i]);
    if (integerTimes) {
        for (let i = 0; i < n; i++)
            ints[i] = zigzag(start[i] - (i ? start[i - 1] : 0));
        put('start');
        ints.set(duration);
        put('duration');
    }
    else {
        columns.push(['start', doubles(t.start)], ['duration', doubles(t.duration)]);
    }
    ints.set(t.error);
    put('error');
    ints.set(t.service);
    put('service');
    ints.set(t.operation);
    put('operation');
    for (let i = 0; i < n; i++)
        ints[i] = t.host[i] + 1;
    put('host');
    t.tags.forEach((tag, k) => {
        for (let i = 0; i < n; i++)
            ints[i] = tag[i] + 1;
        put(`tag:${k}`);
    });
    // Level 4: 0.3 % larger than level 6 on the bench files, in about half the time (most of the bytes
    // are random span ids, which no level compresses); reading is as fast.
    const body = await gzipAsync(Buffer.concat(columns.map(([, b]) => b)), { level: 4 });
    const header = {
        format: 'TRACE-DIFFER-DATASET',
        version: V2,
        provenance: dataset.provenance,
        coverage: dataset.coverage,
        spans: n,
        traces: ids.trace.count,
        spanIdCount: ids.span.count,
        traceIds: { kind: traceIds.kind, width: traceIds.width },
        spanIds: { kind: spanIds.kind, width: spanIds.width },
        integerTimes,
        tagKeys: t.tagKeys,
        columns: columns.map(([name, b]) => [name, b.length]),
        bodyBytes: body.length,
    };
    const head = Buffer.from(`${MAGIC_LINE}${JSON.stringify(header)}\n`);
    const checksum = (0,external_node_crypto_.createHash)('sha256').update(head).update(body).digest('hex');
    return Buffer.concat([head, body, Buffer.from(checksum, 'latin1')]);
}
/**
 * Decodes a format-2 file already in memory. Rejects with an Error whose message says what is wrong
 * (the caller names the file and sets it aside).
 */
async function decodeV2(file) {
    if (file.length < MAGIC_LINE.length + CHECKSUM_HEX)
        throw new Error('it is truncated');
    const headerEnd = file.indexOf(10, MAGIC_LINE.length);
    if (headerEnd < 0)
        throw new Error('its header is truncated');
    const content = file.subarray(0, file.length - CHECKSUM_HEX);
    const stated = file.subarray(file.length - CHECKSUM_HEX).toString('latin1');
    let header;
    try {
        header = JSON.parse(file.subarray(MAGIC_LINE.length, headerEnd).toString('utf8'));
    }
    catch {
        throw new Error('its header is not valid JSON');
    }
    const bodyBytes = content.length - headerEnd - 1;
    if (typeof header.bodyBytes === 'number' && bodyBytes < header.bodyBytes)
        throw new Error(`it is truncated (${Math.max(0, bodyBytes)} of ${header.bodyBytes} body bytes)`);
    if ((0,external_node_crypto_.createHash)('sha256').update(content).digest('hex') !== stated)
        throw new Error('its checksum does not match (the header or the body was altered)');
    if (header.format !== 'TRACE-DIFFER-DATASET' ||
        header.version !== V2 ||
        !Number.isInteger(header.spans) ||
        header.spans < 0 ||
        header.spans > MAX_SPANS ||
        !Number.isInteger(header.traces) ||
        header.traces > header.spans ||
        !Number.isInteger(header.spanIdCount) ||
        header.spanIdCount > 2 * header.spans ||
        !Array.isArray(header.columns) ||
        !Array.isArray(header.tagKeys) ||
        header.bodyBytes !== bodyBytes)
        throw new Error('its header is malformed');
    const rawBytes = header.columns.reduce((sum, [, length]) => sum + length, 0);
    if (!Number.isInteger(rawBytes) || rawBytes > MAX_RAW_BYTES)
        throw new Error('its header is malformed');
    // One output chunk of the stated size saves zlib a concatenation (capped: the claim is not yet checked).
    // Off the main thread: the two sides of a diff inflate at once, and one decodes while the other inflates.
    const raw = await gunzipAsync(content.subarray(headerEnd + 1), {
        maxOutputLength: Math.max(1, rawBytes),
        chunkSize: Math.min(Math.max(1024, rawBytes), 2 ** 26),
    });
    if (raw.length !== rawBytes)
        throw new Error(`its body holds ${raw.length} bytes, the header says ${rawBytes}`);
    const parts = new Map();
    let at = 0;
    for (const [name, length] of header.columns) {
        parts.set(name, raw.subarray(at, at + length));
        at += length;
    }
    const part = (name) => {
        const p = parts.get(name);
        if (!p)
            throw new Error(`its ${name} column is missing`);
        return p;
    };
    const n = header.spans;
    const traceIds = unpackIds(part('traceIds'), header.traceIds.kind, header.traceIds.width, header.traces, 'trace id', 32);
    const spanIds = unpackIds(part('spanIds'), header.spanIds.kind, header.spanIds.width, header.spanIdCount, 'span id', 16);
    const strings = JSON.parse(part('strings').toString('utf8'));
    if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string'))
        throw new Error('its string column is malformed');
    const sizes = unpackVarints32(part('traceSizes'), header.traces, 'trace size');
    const trace = new Int32Array(n);
    const offsets = new Int32Array(header.traces + 1);
    let row = 0;
    for (let tr = 0; tr < sizes.length; tr++) {
        const size = sizes[tr];
        if (row + size > n)
            throw new Error('its trace sizes exceed its spans');
        trace.fill(tr, row, row + size);
        row += size;
        offsets[tr + 1] = row;
    }
    if (row !== n)
        throw new Error('its trace sizes do not add up to its spans');
    const outside = (name) => new Error(`its ${name} column points outside its dictionary`);
    /** An index column stored as is, or +1 with 0 for none (`none`), checked against the size of its dictionary. */
    const indexes = (name, limit, none = false) => {
        const v = unpackVarints32(part(name), n, name);
        const low = none ? -1 : 0;
        const shift = none ? 1 : 0;
        for (let i = 0; i < n; i++) {
            const x = v[i] - shift;
            if (x < low || x >= limit)
                throw outside(name);
            v[i] = x;
        }
        return v;
    };
    const spanCount = header.spanIdCount;
    // Span ids as differences from the previous row, parent ids from the row's own span id (+1, 0: none).
    const span = unpackVarints32(part('span'), n, 'span');
    for (let i = 0, previous = 0; i < n; i++) {
        const z = span[i];
        const x = ((z >>> 1) ^ -(z & 1)) + previous;
        if (x < 0 || x >= spanCount)
            throw outside('span');
        span[i] = previous = x;
    }
    const parentSpan = unpackVarints32(part('parentSpan'), n, 'parentSpan');
    for (let i = 0; i < n; i++) {
        const z = parentSpan[i];
        if (z === 0) {
            parentSpan[i] = -1;
            continue;
        }
        const x = (((z - 1) >>> 1) ^ -((z - 1) & 1)) + span[i];
        if (x < 0 || x >= spanCount)
            throw outside('parentSpan');
        parentSpan[i] = x;
    }
    let start;
    let duration;
    if (header.integerTimes) {
        start = unpackVarints(part('start'), n, 'start');
        for (let i = 0, previous = 0; i < n; i++) {
            const z = start[i];
            // Bit operations for the usual small differences; arithmetic for the first start (about 2^51).
            start[i] = previous = (z < 4294967296 ? (z >>> 1) ^ -(z & 1) : unzigzag(z)) + previous;
        }
        duration = unpackVarints(part('duration'), n, 'duration');
    }
    else {
        const copy = (b) => {
            if (b.length !== 8 * n)
                throw new Error('its time columns are malformed');
            return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
        };
        start = copy(part('start'));
        duration = copy(part('duration'));
        for (let i = 0; i < n; i++)
            if (!Number.isFinite(start[i]) || !Number.isFinite(duration[i]) || duration[i] < 0)
                throw new Error(`span ${i + 1} has a start or duration that is not a finite number`);
    }
    const errorColumn = unpackVarints32(part('error'), n, 'error');
    const error = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        error[i] = errorColumn[i] ? 1 : 0;
    const columns = {
        size: n,
        trace,
        span,
        parentSpan,
        parent: (0,dataset_table/* parentsWithinTraces */.Xy)(offsets, span, parentSpan),
        start,
        duration,
        error,
        strings: strings,
        service: indexes('service', strings.length),
        operation: indexes('operation', strings.length),
        host: indexes('host', strings.length, true),
        tagKeys: header.tagKeys,
        tags: header.tagKeys.map((_, k) => indexes(`tag:${k}`, strings.length, true)),
    };
    // Ids of another shape (not hex of the width the table holds as words) are rare: made into lists from their strings.
    const table = (0,dataset_table/* withIdLists */.Fi)(columns, {
        trace: typeof traceIds === 'function' ? (0,id_list/* idListOf */.Lj)(traceIds(), 32) : traceIds,
        span: typeof spanIds === 'function' ? (0,id_list/* idListOf */.Lj)(spanIds(), 16) : spanIds,
    });
    return { provenance: header.provenance, coverage: header.coverage, table };
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/dataset/file.ts













const file_gzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gzip);
/** Encodes a whole dataset file (the current format, 2) into one buffer. */
async function encodeDataset(dataset) {
    return encodeV2(dataset);
}
/** Encodes a dataset in format 1, as trace-differ wrote it before format 2 (kept to test that old caches still read). */
async function encodeDatasetV1(dataset) {
    const body = await file_gzipAsync(Buffer.from(encodeBody(dataset.table)), { level: 9 });
    const header = {
        format: MAGIC,
        version: 1,
        provenance: dataset.provenance,
        coverage: dataset.coverage,
        spans: dataset.table.size,
        bodyBytes: body.length,
        bodySha256: createHash('sha256').update(body).digest('hex'),
    };
    header.sha256 = checksumOf(header, body);
    return Buffer.concat([Buffer.from(`${MAGIC} 1\n${JSON.stringify(header)}\n`), body]);
}
/** Writes a dataset file atomically (a reader never sees half a file). */
async function writeDatasetFile(path, dataset) {
    const data = await encodeDataset(dataset);
    const temp = `${path}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temp, data);
    await (0,promises_.rename)(temp, path);
    return { bytes: data.length };
}
/** Whether the file starts with the dataset magic (cheap: reads 32 bytes). */
async function isDatasetFile(path) {
    const handle = await (0,promises_.open)(path, 'r').catch(() => undefined);
    if (!handle)
        return false;
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(format/* MAGIC */.mS.length), 0, format/* MAGIC */.mS.length, 0);
        return bytesRead === format/* MAGIC */.mS.length && buffer.toString('latin1') === format/* MAGIC */.mS;
    }
    finally {
        await handle.close();
    }
}
/** Reads the magic line and the header (both short) without reading the body; format 2 answers its version only. */
async function readHeader(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(256 * 1024), 0, 256 * 1024, 0);
        const chunk = buffer.subarray(0, bytesRead);
        const first = chunk.indexOf(10);
        if (first < 0 || !chunk.subarray(0, first).toString('latin1').startsWith(`${format/* MAGIC */.mS} `))
            return 'it is not a trace-differ dataset (no magic line)';
        const version = Number(chunk.subarray(format/* MAGIC */.mS.length + 1, first).toString('latin1'));
        if (!Number.isInteger(version))
            return 'its format version is unreadable';
        if (version > format/* FORMAT_VERSION */.Hp) {
            return `it was written by a newer trace-differ (format ${version}; this one reads up to ${format/* FORMAT_VERSION */.Hp}): upgrade trace-differ to read it`;
        }
        // Format 1 is the first; an older number has no migration because none was ever written.
        if (version < 1)
            return `its format version ${version} is older than any this trace-differ reads (1 to ${format/* FORMAT_VERSION */.Hp}): collect it again`;
        if (version === V2)
            return { version: V2 };
        // A header longer than the bytes read here is refused before anything is allocated for it.
        const second = chunk.indexOf(10, first + 1);
        if (second < 0)
            return 'its header is truncated';
        let header;
        try {
            header = JSON.parse(chunk.subarray(first + 1, second).toString('utf8'));
        }
        catch {
            return 'its header is not valid JSON';
        }
        if (header.format !== format/* MAGIC */.mS || header.version !== version || typeof header.bodySha256 !== 'string')
            return 'its header is malformed';
        return { header, bodyOffset: second + 1 };
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads a dataset file, streaming its body, and checks its version, length, checksum and span
 * count. A problem is answered as `{ ok: false, problem }` naming the file, never thrown: the
 * caller sets the file aside and goes on.
 */
async function readDatasetFile(path) {
    const fail = (why) => ({ ok: false, problem: `dataset ${path} was set aside: ${why}` });
    let head;
    try {
        head = await readHeader(path);
    }
    catch (error) {
        return fail(`it cannot be read (${error.code ?? error.message})`);
    }
    if (typeof head === 'string')
        return fail(head);
    if ('version' in head) {
        try {
            return { ok: true, dataset: await decodeV2(await (0,promises_.readFile)(path)) };
        }
        catch (error) {
            const message = error.message;
            return fail(message.startsWith('it') ? message : `its body is corrupt (${message})`);
        }
    }
    const { header, bodyOffset } = head;
    const hash = (0,external_node_crypto_.createHash)('sha256');
    // Over the header and the body; files written before `sha256` existed are checked on their body alone.
    const whole = typeof header.sha256 === 'string' ? checksumStart(header) : undefined;
    let bodyBytes = 0;
    const builder = new dataset_table/* SpanTableBuilder */.Sd();
    const decoder = new format/* BodyDecoder */.TK(builder);
    try {
        const raw = (0,external_node_fs_.createReadStream)(path, { start: bodyOffset });
        raw.on('data', (chunk) => {
            hash.update(chunk);
            whole?.update(chunk);
            bodyBytes += chunk.length;
        });
        // pipeline() carries an error of any stage (a corrupt gzip stream above all) to this one await.
        await (0,external_node_stream_promises_.pipeline)(raw, (0,external_node_zlib_.createGunzip)(), async (source) => {
            const text = new external_node_string_decoder_.StringDecoder('utf8');
            let rest = '';
            for await (const chunk of source) {
                const lines = (rest + text.write(chunk)).split('\n');
                rest = lines.pop();
                for (const line of lines)
                    decoder.line(line);
            }
            decoder.line(rest + text.end());
        });
    }
    catch (error) {
        if (bodyBytes !== header.bodyBytes)
            return fail(`it is truncated (${bodyBytes} of ${header.bodyBytes} body bytes)`);
        return fail(`its body is corrupt (${(0,src_text/* printable */.g$)(error.message)})`);
    }
    if (bodyBytes !== header.bodyBytes)
        return fail(`its body is ${bodyBytes} bytes, the header says ${header.bodyBytes}`);
    if (whole && whole.digest('hex') !== header.sha256)
        return fail('its checksum does not match (the header or the body was altered)');
    if (hash.digest('hex') !== header.bodySha256)
        return fail('its checksum does not match (the body was altered)');
    if (decoder.rows !== header.spans)
        return fail(`it holds ${decoder.rows} spans, the header says ${header.spans}`);
    return {
        ok: true,
        dataset: (0,assemble/* assembleDataset */.L)(builder, { provenance: header.provenance, coverage: header.coverage, window: false }),
    };
}


/***/ }),

/***/ 56801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ FORMAT_VERSION),
/* harmony export */   TK: () => (/* binding */ BodyDecoder),
/* harmony export */   mS: () => (/* binding */ MAGIC)
/* harmony export */ });
/* unused harmony exports StringTable, encodeBody */
/**
 * The dataset file, version 1 (still read; format 2 is written: see format-v2.ts):
 *
 *   TRACE-DIFFER-DATASET 1\n
 *   {header JSON: provenance, coverage, span count, body length and SHA-256}\n
 *   gzip(body)
 *
 * The body is JSON lines: first the string table (every service, operation, host, trace id,
 * tag key and tag value once), then one array per span of numbers that point into it.
 * Ids stay strings; start times are deltas from the previous span; a parent that is an
 * earlier span of the file is written as how many spans back it is.
 */
const MAGIC = 'TRACE-DIFFER-DATASET';
/** The newest format this trace-differ writes and reads (see format-v2.ts); format 1 is still read. */
const FORMAT_VERSION = 2;
class StringTable {
    strings = [];
    index = new Map();
    id(s) {
        let i = this.index.get(s);
        if (i === undefined) {
            i = this.strings.length;
            this.strings.push(s);
            this.index.set(s, i);
        }
        return i;
    }
}
/** Encodes a table into body lines (string table first). */
function encodeBody(t) {
    const table = new StringTable();
    const position = new Map();
    const rows = [];
    let previousStart = 0;
    for (let i = 0; i < t.size; i++) {
        const spanId = t.spanIds[t.span[i]];
        const parentId = t.parentSpan[i] < 0 ? undefined : t.spanIds[t.parentSpan[i]];
        const parentAt = parentId === undefined ? undefined : position.get(`${t.trace[i]}/${parentId}`);
        const parent = parentId === undefined ? 0 : parentAt !== undefined ? i - parentAt : parentId;
        const tags = [];
        for (let k = 0; k < t.tagKeys.length; k++) {
            const v = t.tags[k][i];
            if (v >= 0)
                tags.push(table.id(t.tagKeys[k]), table.id(t.strings[v]));
        }
        const start = t.start[i];
        const host = t.host[i];
        const row = [
            spanId,
            table.id(t.traceIds[t.trace[i]]),
            parent,
            table.id(t.strings[t.service[i]]),
            table.id(t.strings[t.operation[i]]),
            start - previousStart,
            t.duration[i],
            t.error[i] ? 1 : 0,
            host < 0 ? -1 : table.id(t.strings[host]),
            tags,
        ];
        previousStart = start;
        position.set(`${t.trace[i]}/${spanId}`, i);
        rows.push(JSON.stringify(row));
    }
    return `${JSON.stringify(table.strings)}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}
/** Decodes body lines one at a time (the reader streams them) into a table builder, keeping the decoding state. */
class BodyDecoder {
    out;
    strings;
    previousStart = 0;
    /** The span id of each row so far: a parent is written as how many rows back it is. */
    rowIds = [];
    tagColumns = [];
    stringIds = [];
    constructor(out) {
        this.out = out;
    }
    get rows() {
        return this.rowIds.length;
    }
    line(text) {
        if (text === '')
            return;
        const value = JSON.parse(text);
        const n = this.rowIds.length;
        if (!this.strings) {
            if (!Array.isArray(value) || !value.every((s) => typeof s === 'string'))
                throw new Error('the string table is malformed');
            this.strings = value;
            this.stringIds = this.strings.map((s) => this.out.intern(s));
            this.tagColumns = new Array(this.strings.length).fill(-1);
            return;
        }
        const row = value;
        if (!Array.isArray(row) || row.length !== 10 || typeof row[0] !== 'string' || !Array.isArray(row[9]))
            throw new Error(`span ${n + 1} is malformed`);
        const check = (i) => {
            if (typeof i !== 'number' || this.strings[i] === undefined)
                throw new Error(`span ${n + 1} points outside the string table`);
            return i;
        };
        const [spanId, trace, parent, service, operation, startDelta, duration, error, host, tagIds] = row;
        if (!Number.isFinite(startDelta) || !Number.isFinite(duration))
            throw new Error(`span ${n + 1} has a start or duration that is not a finite number`);
        const startUs = this.previousStart + startDelta;
        if (!Number.isFinite(startUs))
            throw new Error(`span ${n + 1} has a start or duration that is not a finite number`);
        this.previousStart = startUs;
        let parentId;
        if (typeof parent === 'string')
            parentId = parent;
        else if (parent > 0) {
            parentId = this.rowIds[n - parent];
            if (parentId === undefined)
                throw new Error(`span ${n + 1} has a parent outside the file`);
        }
        this.out.row(this.strings[check(trace)], spanId, parentId, this.stringIds[check(service)], this.stringIds[check(operation)], startUs, duration, error === 1, host >= 0 ? this.stringIds[check(host)] : -1);
        for (let t = 0; t < tagIds.length; t += 2) {
            const k = check(tagIds[t]);
            let column = this.tagColumns[k];
            if (column < 0)
                column = this.tagColumns[k] = this.out.tagColumn(this.strings[k]);
            this.out.tag(column, this.stringIds[check(tagIds[t + 1])]);
        }
        this.rowIds.push(spanId);
    }
}


/***/ }),

/***/ 1068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ ArrayStructureError),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   s5: () => (/* binding */ readJsonArray),
/* harmony export */   zI: () => (/* binding */ ValueEnd)
/* harmony export */ });
/* harmony import */ var _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52618);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73138);


/** A mistake in the array's own structure, at byte `offset` of the (gunzipped) content. */
class ArrayStructureError extends Error {
    what;
    offset;
    shape;
    constructor(what, offset, 
    /** Valid JSON of the wrong shape (the key `within` names no list, or is given twice), not broken JSON. */
    shape = false) {
        super(what);
        this.what = what;
        this.offset = offset;
        this.shape = shape;
    }
}
/** The end of one JSON value, found over chunks: strings followed, nesting counted, nothing else checked. */
class ValueEnd {
    depth = 0;
    inString = false;
    escaped = false;
    started = false;
    reset() {
        this.depth = 0;
        this.inString = this.escaped = this.started = false;
    }
    /** The position after the value in `b[from, to)`, or -1 when it goes on past `to`. */
    scan(b, from, to) {
        for (let i = from; i < to; i++) {
            const c = b[i];
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .BACKSLASH */ .r_)
                    this.escaped = true;
                else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
                    this.inString = false;
                    if (this.depth === 0)
                        return i + 1;
                }
                continue;
            }
            if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
                this.inString = true;
                this.started = true;
            }
            else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ) {
                this.depth++;
                this.started = true;
            }
            else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD) {
                if (this.depth === 0)
                    return i;
                if (--this.depth === 0)
                    return i + 1;
            }
            else if (this.depth === 0 && (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE || (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .isBlank */ .z3)(c))) {
                if (this.started)
                    return i;
            }
            else
                this.started = true;
        }
        return -1;
    }
}
/**
 * Streams the elements of a JSON array in a file (gzipped or not) into a reader, so a large export is
 * never in memory whole: the file is the array, or, with `within`, an object whose key `within` holds
 * it (Jaeger's `{"data": [...], "total": …}`; the object's other values are passed over). Each
 * element is first offered to the reader's fast path where it lies in the chunk read; only an
 * element the fast path declines, or one that runs over the end of a chunk, is framed by following
 * its strings and nesting, gathered as a list of pieces and joined once (a single element of any
 * size costs linear time). Structure mistakes are thrown as ArrayStructureError with their byte
 * offset: the line is counted only then (`lineAt`). Returns whether the array was there (with
 * `within`, the object may have no such key: nothing was read then).
 * (Written by hand: streaming JSON libraries give no positions to report, and make an object per value.)
 */
async function readJsonArray(path, reader, within) {
    /** 0: before '[', 1: after '[', 2: expecting an element, 3: after an element, 4: after ']'. */
    let state = 0;
    /**
     * With `within`, the object around the array: 0 before '{', 1 expecting a key, 2 in a key, 3
     * expecting ':', 4 expecting a value, 5 after a value, 6 after '}'; 7 inside the array (`state`).
     */
    let outer = within === undefined ? 7 : 0;
    let key = [];
    let keyEscaped = false;
    let found = false;
    /** Passing over a value of the object that runs on into the next chunk. */
    let skipping = false;
    const wanted = within === undefined ? [] : [...Buffer.from(within, 'utf8')];
    let index = 0;
    /** File offset of the current chunk's first byte. */
    let base = 0;
    let pieces;
    let pieceOffset = 0;
    const framer = new ValueEnd();
    const fail = (what, at) => new ArrayStructureError(what, at);
    const element = async (b, from, to, offset) => {
        if (reader.fast(b, from, to) < 0)
            await reader.slow(b, from, to, index, offset);
        index++;
        state = 3;
    };
    // Chunks are views of one Buffer read into again (open.ts): the pieces of an element kept over chunks are copied.
    for await (const chunk of (0,_open_js__WEBPACK_IMPORTED_MODULE_0__/* .reusedChunks */ .f_)(path)) {
        const n = chunk.length;
        // A byte-order mark (as some Windows tools write) is not part of the JSON.
        let i = base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
        if (pieces) {
            const end = framer.scan(chunk, 0, n);
            if (end < 0) {
                pieces.push(Buffer.from(chunk));
                base += n;
                continue;
            }
            pieces.push(chunk.subarray(0, end));
            const whole = Buffer.concat(pieces);
            pieces = undefined;
            await element(whole, 0, whole.length, pieceOffset);
            i = end;
        }
        else if (skipping) {
            const end = framer.scan(chunk, 0, n);
            if (end < 0) {
                base += n;
                continue;
            }
            skipping = false;
            outer = 5;
            i = end;
        }
        while (i < n) {
            const c = chunk[i];
            if (outer === 2) {
                // A key of the object around the array, byte by byte (it may run over two chunks).
                if (keyEscaped)
                    keyEscaped = false;
                else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .BACKSLASH */ .r_)
                    keyEscaped = true;
                else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA)
                    outer = 3;
                if (outer === 2)
                    key.push(c);
                i++;
                continue;
            }
            if ((0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .isBlank */ .z3)(c)) {
                i++;
                continue;
            }
            if (outer < 7) {
                if (outer === 0) {
                    if (c !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP)
                        throw fail(`expected a JSON object with a list "${within}"`, base + i);
                    outer = 1;
                }
                else if (outer === 1 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
                    key = [];
                    outer = 2;
                }
                else if (outer === 1 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd)
                    outer = 6;
                else if (outer === 3 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COLON */ .oH)
                    outer = 4;
                else if (outer === 4) {
                    const isWanted = key.length === wanted.length && key.every((k, j) => k === wanted[j]);
                    if (isWanted && found)
                        throw new ArrayStructureError(`"${within}" is given twice`, base + i, true);
                    if (isWanted && c !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ)
                        throw new ArrayStructureError(`"${within}" is not a list`, base + i, true);
                    if (isWanted) {
                        found = true;
                        outer = 7;
                        state = 1;
                        i++;
                        continue;
                    }
                    framer.reset();
                    const end = framer.scan(chunk, i, n);
                    if (end < 0) {
                        skipping = true;
                        break;
                    }
                    outer = 5;
                    i = end;
                    continue;
                }
                else if (outer === 5 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE)
                    outer = 1;
                else if (outer === 5 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd)
                    outer = 6;
                else
                    throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} in the object around "${within}"`, base + i);
                i++;
                continue;
            }
            if (state === 2 || (state === 1 && c !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD)) {
                if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD)
                    throw fail('an empty element in the array', base + i);
                let end = reader.fast(chunk, i, n);
                if (end >= 0) {
                    index++;
                    state = 3;
                    i = end;
                    continue;
                }
                framer.reset();
                end = framer.scan(chunk, i, n);
                if (end < 0) {
                    pieces = [Buffer.from(chunk.subarray(i))];
                    pieceOffset = base + i;
                    break;
                }
                await reader.slow(chunk, i, end, index++, base + i);
                state = 3;
                i = end;
                continue;
            }
            if (state === 0) {
                if (c !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ)
                    throw fail('expected a JSON array', base + i);
                state = 1;
            }
            else if (state === 1 || (state === 3 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD)) {
                state = 4;
                // The array was a value of the object around it: back to that object.
                if (within !== undefined)
                    outer = 5;
            }
            else if (state === 3 && c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE)
                state = 2;
            else if (state === 3)
                throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after an element`, base + i);
            else
                throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after the end of the array`, base + i);
            i++;
        }
        base += n;
    }
    if (within !== undefined) {
        if (outer === 0)
            throw fail(`expected a JSON object with a list "${within}", found nothing`, base);
        if (outer !== 6)
            throw fail('the document is not closed (the file is cut short?)', base);
        return found;
    }
    if (state === 0)
        throw fail('expected a JSON array, found nothing', base);
    if (state !== 4)
        throw fail('the array is not closed (the file is cut short?)', base);
    return true;
}
/** The line and column (1-based) of byte `offset` of a file's content, counted by reading it again: for messages only. */
async function lineAt(path, offset) {
    let line = 1;
    let lineStart = 0;
    let base = 0;
    const stream = await (0,_open_js__WEBPACK_IMPORTED_MODULE_0__/* .openBytes */ .od)(path);
    try {
        for await (const chunk of stream) {
            const stop = Math.min(chunk.length, offset - base);
            for (let nl = chunk.indexOf(0x0a); nl >= 0 && nl < stop; nl = chunk.indexOf(0x0a, nl + 1)) {
                line++;
                lineStart = base + nl + 1;
            }
            base += chunk.length;
            if (base >= offset)
                break;
        }
    }
    finally {
        stream.destroy();
    }
    return { line, column: offset - lineStart + 1 };
}


/***/ }),

/***/ 52618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ COMMA),
/* harmony export */   Nd: () => (/* binding */ CLOSE),
/* harmony export */   W8: () => (/* binding */ skipBlank),
/* harmony export */   gD: () => (/* binding */ CLOSE_LIST),
/* harmony export */   jA: () => (/* binding */ QUOTE),
/* harmony export */   oH: () => (/* binding */ COLON),
/* harmony export */   oQ: () => (/* binding */ OPEN_LIST),
/* harmony export */   r_: () => (/* binding */ BACKSLASH),
/* harmony export */   vP: () => (/* binding */ OPEN),
/* harmony export */   z3: () => (/* binding */ isBlank)
/* harmony export */ });
/**
 * The bytes of JSON's syntax, for the readers that scan files as bytes (seed-scan.ts, json-array.ts,
 * sources/otlp/scan.ts): one home for them and for JSON's whitespace.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
/** JSON's whitespace: space, tab, line feed, carriage return. */
function isBlank(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/** The position of the first byte at or after `i` (before `end`) that is not JSON whitespace. */
function skipBlank(b, i, end) {
    while (i < end && isBlank(b[i]))
        i++;
    return i;
}


/***/ }),

/***/ 46018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ mistakeOffset)
/* harmony export */ });
/* unused harmony export firstInvalid */
/* harmony import */ var _json_bytes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52618);

/**
 * Where JSON text first goes wrong, for messages: JSON.parse names a position for some mistakes
 * ("… at position 12") but not for others ("Unexpected token 'x', …"), and a person fixing a file
 * needs the line and column of every mistake. Run only after JSON.parse has refused the text.
 */
/** The offset of JSON.parse's mistake in `text`: the one its message gives, else the first place the text is not JSON. */
function mistakeOffset(text, message) {
    const given = /position (\d+)/.exec(message)?.[1];
    if (given !== undefined)
        return Number(given);
    return firstInvalid(text);
}
/** The offset of the first character that makes `text` not one JSON value (text.length when it ends too soon). */
function firstInvalid(text) {
    let i = 0;
    const n = text.length;
    const blank = () => {
        while (i < n && (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .isBlank */ .z3)(text.charCodeAt(i)))
            i++;
    };
    const digits = () => {
        const from = i;
        while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39)
            i++;
        return i > from;
    };
    // Iterative over a stack of open containers: any depth, no recursion.
    const stack = [];
    for (;;) {
        // A value at i.
        blank();
        if (i >= n)
            return n;
        const c = text[i];
        if (c === '{' || c === '[') {
            i++;
            blank();
            if (text[i] === (c === '{' ? '}' : ']'))
                i++;
            else {
                stack.push(c === '{' ? 0x7d : 0x5d);
                if (c === '{') {
                    if (!key())
                        return i;
                }
                continue;
            }
        }
        else if (c === '"') {
            if (!string())
                return i;
        }
        else if (c === 't' || c === 'f' || c === 'n') {
            const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
            for (let k = 0; k < word.length; k++, i++)
                if (text[i] !== word[k])
                    return i >= n ? n : i;
        }
        else if (c === '-' || (c >= '0' && c <= '9')) {
            if (c === '-')
                i++;
            if (text[i] === '0')
                i++;
            else if (!digits())
                return i;
            if (text[i] === '.') {
                i++;
                if (!digits())
                    return i;
            }
            if (text[i] === 'e' || text[i] === 'E') {
                i++;
                if (text[i] === '+' || text[i] === '-')
                    i++;
                if (!digits())
                    return i;
            }
        }
        else
            return i;
        // After a value: close containers or go on to the next member.
        for (;;) {
            blank();
            if (stack.length === 0)
                return i;
            if (i >= n)
                return n;
            const close = stack[stack.length - 1];
            if (text.charCodeAt(i) === close) {
                stack.pop();
                i++;
                continue;
            }
            if (text[i] !== ',')
                return i;
            i++;
            if (close === 0x7d && !key())
                return i;
            break;
        }
    }
    function string() {
        i++;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c === 0x5c) {
                const e = text[i + 1];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        return false;
                    i += 6;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i += 2;
                else {
                    i++;
                    return false;
                }
                continue;
            }
            i++;
        }
        return false;
    }
    /** A key and its colon, leaving i at the value. */
    function key() {
        blank();
        if (text[i] !== '"' || !string())
            return false;
        blank();
        if (text[i] !== ':')
            return false;
        i++;
        return true;
    }
}


/***/ }),

/***/ 54568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dy: () => (/* binding */ cursor),
/* harmony export */   Ew: () => (/* binding */ internName),
/* harmony export */   Ik: () => (/* binding */ object),
/* harmony export */   QL: () => (/* binding */ internString),
/* harmony export */   Rt: () => (/* binding */ keyBytes),
/* harmony export */   Sx: () => (/* binding */ plainString),
/* harmony export */   Tb: () => (/* binding */ skipContainer),
/* harmony export */   Uq: () => (/* binding */ value),
/* harmony export */   VK: () => (/* binding */ sameHexValue),
/* harmony export */   Yj: () => (/* binding */ string),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   d4: () => (/* binding */ wholeMicros),
/* harmony export */   er: () => (/* binding */ sameBytes),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   is: () => (/* binding */ is),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   rD: () => (/* binding */ wholeNumber),
/* harmony export */   vs: () => (/* binding */ template),
/* harmony export */   w1: () => (/* binding */ startsWith)
/* harmony export */ });
/* unused harmony export numberValue */
/* harmony import */ var _dictionary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4918);
/* harmony import */ var _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52618);


/**
 * The pieces of the byte-level JSON readers (sources/otlp/scan.ts, sources/jaeger/scan.ts): each
 * checks one JSON value against the grammar where it lies in a Buffer and leaves `cursor.at` just
 * past it, so a reader picks out the fields it needs without parsing into objects and hands anything
 * it does not take (or any mistake) to JSON.parse. Module state rather than closures or results
 * objects: these run several times per span of a million.
 */
const cursor = {
    /** The position just past what was read last. */
    at: 0,
    /** Whether the string read last had escapes (its bytes are not its text). */
    escapes: false,
};
/** The value of a hex digit (either case), -1 for any other byte. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d++) {
    HEX_VALUE['0123456789abcdef'.charCodeAt(d)] = d;
    HEX_VALUE['0123456789ABCDEF'.charCodeAt(d)] = d;
}
const ESCAPABLE = new Uint8Array(256);
for (const c of '"\\/bfnrt')
    ESCAPABLE[c.charCodeAt(0)] = 1;
/** A valid JSON string at `i`: returns the index of its closing quote (sets `at` past it and `escapes`), or -1. */
function string(b, i, end) {
    if (b[i] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA)
        return -1;
    cursor.escapes = false;
    let j = i + 1;
    while (j < end) {
        const c = b[j];
        if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
            cursor.at = j + 1;
            return j;
        }
        if (c < 0x20)
            return -1;
        if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .BACKSLASH */ .r_) {
            cursor.escapes = true;
            const e = b[j + 1];
            if (e === 0x75) {
                if (j + 5 >= end)
                    return -1;
                if ((HEX_VALUE[b[j + 2]] | HEX_VALUE[b[j + 3]] | HEX_VALUE[b[j + 4]] | HEX_VALUE[b[j + 5]]) < 0)
                    return -1;
                j += 6;
            }
            else if (e !== undefined && ESCAPABLE[e])
                j += 2;
            else
                return -1;
            continue;
        }
        j++;
    }
    return -1;
}
/** A JSON number at `i` (sets `at` past it), checked against the grammar: its end, or -1. */
function number(b, i, end) {
    let j = i;
    if (b[j] === 0x2d)
        j++;
    if (b[j] === 0x30)
        j++;
    else {
        if (!(b[j] >= 0x31 && b[j] <= 0x39))
            return -1;
        while (j < end && b[j] >= 0x30 && b[j] <= 0x39)
            j++;
    }
    if (b[j] === 0x2e) {
        j++;
        if (!(b[j] >= 0x30 && b[j] <= 0x39))
            return -1;
        while (j < end && b[j] >= 0x30 && b[j] <= 0x39)
            j++;
    }
    if (b[j] === 0x65 || b[j] === 0x45) {
        j++;
        if (b[j] === 0x2b || b[j] === 0x2d)
            j++;
        if (!(b[j] >= 0x30 && b[j] <= 0x39))
            return -1;
        while (j < end && b[j] >= 0x30 && b[j] <= 0x39)
            j++;
    }
    if (j >= end)
        return -1;
    cursor.at = j;
    return j;
}
/**
 * A whole JSON number at `i` of at most 15 digits, the text of which is its own rendering in
 * JavaScript (no fraction, exponent or `-0`): its end (sets `at`), or -1.
 */
function wholeNumber(b, i, end) {
    const n = number(b, i, end);
    if (n < 0 || n - i > 15 || (b[i] === 0x2d && b[i + 1] === 0x30))
        return -1;
    for (let k = i; k < n; k++)
        if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45)
            return -1;
    return n;
}
/** The value of the whole number b[from, to) (see `wholeNumber`). */
function numberValue(b, from, to) {
    let v = 0;
    const negative = b[from] === 0x2d;
    for (let k = negative ? from + 1 : from; k < to; k++)
        v = v * 10 + (b[k] - 0x30);
    return negative ? -v : v;
}
/** The literal `word` (true, false, null) at `i` (sets `at` past it). */
function literal(b, i, end, word) {
    if (i + word.length >= end)
        return false;
    for (let k = 0; k < word.length; k++)
        if (b[i + k] !== word.charCodeAt(k))
            return false;
    cursor.at = i + word.length;
    return true;
}
/** Any JSON value at `i`, checked and passed over (sets `at`); false when it is not valid JSON or runs out. */
function value(b, i, end, depth = 0) {
    const c = b[i];
    if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA)
        return string(b, i, end) >= 0;
    if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ) {
        // Deeper than any export nests: leave it to JSON.parse.
        if (depth > 64)
            return false;
        const close = c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP ? _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd : _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD;
        let j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, i + 1, end);
        if (b[j] === close) {
            cursor.at = j + 1;
            return true;
        }
        for (;;) {
            if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP) {
                if (string(b, j, end) < 0)
                    return false;
                j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, cursor.at, end);
                if (b[j] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COLON */ .oH)
                    return false;
                j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, j + 1, end);
            }
            if (!value(b, j, end, depth + 1))
                return false;
            j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, cursor.at, end);
            if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE) {
                j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, j + 1, end);
                continue;
            }
            if (b[j] !== close)
                return false;
            cursor.at = j + 1;
            return true;
        }
    }
    if (c === 0x74)
        return literal(b, i, end, 'true');
    if (c === 0x66)
        return literal(b, i, end, 'false');
    if (c === 0x6e)
        return literal(b, i, end, 'null');
    return number(b, i, end) >= 0;
}
/**
 * Passes over the list or object at `i` by its strings and nesting only, not checking the grammar
 * (sets `at` past it): for a value that is read and checked later (a Jaeger trace's spans, which
 * must wait for the processes written after them). -1 when it runs out.
 */
function skipContainer(b, i, end) {
    let depth = 0;
    for (let j = i; j < end; j++) {
        const c = b[j];
        if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
            for (j++; j < end && b[j] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA; j++)
                if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .BACKSLASH */ .r_)
                    j++;
            if (j >= end)
                return -1;
        }
        else if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ)
            depth++;
        else if ((c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd || c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD) && --depth === 0)
            return (cursor.at = j + 1);
    }
    return -1;
}
/**
 * A whole JSON number at `i` that a double holds exactly (microseconds since 1970 have 16 digits):
 * its value (sets `at`), or NaN for a fraction, an exponent or a larger number.
 */
function wholeMicros(b, i, end) {
    const e = number(b, i, end);
    // `-0` is left to the slow path, as `wholeNumber` leaves it.
    if (e < 0 || e - i > 17 || (b[i] === 0x2d && b[i + 1] === 0x30))
        return NaN;
    for (let k = i; k < e; k++)
        if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45)
            return NaN;
    const v = numberValue(b, i, e);
    return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : NaN;
}
/** Whether b[af, at) and b[bf, bt) hold the same bytes. */
function sameBytes(b, af, at, bf, bt) {
    if (at - af !== bt - bf)
        return false;
    for (let k = 0; k < at - af; k++)
        if (b[af + k] !== b[bf + k])
            return false;
    return true;
}
/** Whether b[from, to) holds the bytes of `want`. */
function is(b, from, to, want) {
    if (to - from !== want.length)
        return false;
    for (let k = 0; k < want.length; k++)
        if (b[from + k] !== want[k])
            return false;
    return true;
}
/** Whether `want` is written at b[i] (and ends before `end`). */
function startsWith(b, i, end, want) {
    if (i + want.length >= end)
        return false;
    for (let k = 0; k < want.length; k++)
        if (b[i + k] !== want[k])
            return false;
    return true;
}
/**
 * The closing quote of a string whose text starts at `i` (just past its opening quote), when it
 * has no escapes or control characters (sets `at` past it); -1 otherwise.
 */
function plainString(b, i, end) {
    for (let j = i; j < end; j++) {
        const c = b[j];
        if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .QUOTE */ .jA) {
            cursor.at = j + 1;
            return j;
        }
        if (c === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .BACKSLASH */ .r_ || c < 0x20)
            return -1;
    }
    return -1;
}
/**
 * A value written in a fixed compact shape, `parts[0]` string `parts[1]` string … `parts[n]`, its
 * strings without escapes (`{"key":"`, `","value":{"stringValue":"`, `"}}` for an OTLP attribute):
 * read by comparing bytes instead of walking its objects. The k-th string's text is
 * `b[found[2k], found[2k + 1])`; returns the end (sets `at`), or -1 (nothing read) for another shape.
 */
function template(b, v, end, parts, found) {
    if (!startsWith(b, v, end, parts[0]))
        return -1;
    let at = v + parts[0].length;
    for (let k = 1; k < parts.length; k++) {
        const close = plainString(b, at, end);
        if (close < 0 || !startsWith(b, close, end, parts[k]))
            return -1;
        found[2 * k - 2] = at;
        found[2 * k - 1] = close;
        at = close + parts[k].length;
    }
    return (cursor.at = at);
}
/** The dictionary index of the JSON string at `i` (through JSON.parse when it has escapes), or -1. */
function internString(out, b, i, end) {
    const close = string(b, i, end);
    if (close < 0)
        return -1;
    if (!cursor.escapes)
        return out.internBytes(b, i + 1, close);
    return out.intern(JSON.parse((0,_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .utf8 */ .A)(b, i, close + 1)));
}
/**
 * The dictionary index of a name (an operation, a service) written as the JSON string at `i`, or of
 * `empty` when the string is empty (`(none)`, `unknown_service`); -1 when it is not a string.
 */
function internName(out, b, i, end, empty) {
    const close = string(b, i, end);
    if (close < 0)
        return -1;
    if (close === i + 1)
        return out.internWord(empty);
    return cursor.escapes ? internString(out, b, i, end) : out.internBytes(b, i + 1, close);
}
/** The bytes of an ASCII key, to compare with `is`. */
const keyBytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/**
 * Walks an object at `i`: calls `field(keyFrom, keyTo, valueAt)` for each member, which reads the
 * value (setting `at` past it) and answers false to give up. A key with escapes gives up too.
 * Returns the end, or -1.
 */
function object(b, i, end, field) {
    if (b[i] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN */ .vP)
        return -1;
    let j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, i + 1, end);
    if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd)
        return (cursor.at = j + 1);
    for (;;) {
        const close = string(b, j, end);
        if (close < 0 || cursor.escapes)
            return -1;
        const keyFrom = j + 1;
        j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, cursor.at, end);
        if (b[j] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COLON */ .oH)
            return -1;
        j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, j + 1, end);
        if (!field(keyFrom, close, j))
            return -1;
        j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, cursor.at, end);
        if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE) {
            j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, j + 1, end);
            continue;
        }
        if (b[j] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE */ .Nd)
            return -1;
        return (cursor.at = j + 1);
    }
}
/** Walks a list at `i`, calling `item(at)` for each element (which reads it, setting `at`). Returns the end, or -1. */
function list(b, i, end, item) {
    if (b[i] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .OPEN_LIST */ .oQ)
        return -1;
    let j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, i + 1, end);
    if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD)
        return (cursor.at = j + 1);
    for (;;) {
        if (!item(j))
            return -1;
        j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, cursor.at, end);
        if (b[j] === _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMA */ .KE) {
            j = (0,_json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .skipBlank */ .W8)(b, j + 1, end);
            continue;
        }
        if (b[j] !== _json_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_LIST */ .gD)
            return -1;
        return (cursor.at = j + 1);
    }
}
/**
 * Whether two span ids written in hex digits, b[af, at) and b[bf, bt), are the one id the table would
 * hold (ids.ts: either case; padded to 16 digits, or to 32 past 16). Undefined when either is not
 * hex of at most 32 digits, for the caller's slow path to judge. (A reader's span id numbers are
 * provisional until the table is finished, so ids are compared by their digits.)
 */
function sameHexValue(b, af, at, bf, bt) {
    for (let k = af; k < at; k++)
        if (HEX_VALUE[b[k]] < 0)
            return undefined;
    for (let k = bf; k < bt; k++)
        if (HEX_VALUE[b[k]] < 0)
            return undefined;
    if (at - af > 32 || bt - bf > 32)
        return undefined;
    if (at - af > 16 !== bt - bf > 16)
        return false;
    while (af < at && b[af] === 0x30)
        af++;
    while (bf < bt && b[bf] === 0x30)
        bf++;
    if (at - af !== bt - bf)
        return false;
    for (let k = 0; k < at - af; k++)
        if (HEX_VALUE[b[af + k]] !== HEX_VALUE[b[bf + k]])
            return false;
    return true;
}


/***/ }),

/***/ 73138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ bytesAt),
/* harmony export */   aU: () => (/* binding */ contentHead),
/* harmony export */   c4: () => (/* binding */ headBytes),
/* harmony export */   f_: () => (/* binding */ reusedChunks),
/* harmony export */   od: () => (/* binding */ openBytes)
/* harmony export */ });
/* unused harmony export isGzipped */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);



const GZIP = [0x1f, 0x8b];
/** The first bytes of a file (at most `n`), as they are on disk. */
async function headBytes(path, n) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** `n` bytes of a file from `offset` (fewer at its end), and that offset. */
async function bytesAt(path, offset, n) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, offset);
        return { bytes: buffer.subarray(0, bytesRead), offset };
    }
    finally {
        await handle.close();
    }
}
/** Whether a file is gzipped (by its magic bytes, whatever its name). */
async function isGzipped(path) {
    const head = await headBytes(path, 2);
    return head.length === 2 && head[0] === GZIP[0] && head[1] === GZIP[1];
}
/**
 * A file's bytes as a stream of Buffers, gunzipped when it is gzipped: every reader accepts either.
 * With a range, only those bytes of a plain file (a gzip stream cannot be entered midway).
 */
async function openBytes(path, range) {
    if (range)
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { highWaterMark: 1 << 20, start: range.start, end: range.end - 1 });
    const raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { highWaterMark: 1 << 20 });
    return (await isGzipped(path)) ? raw.pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)({ chunkSize: 1 << 20 })) : raw;
}
/**
 * As `openBytes`, for a reader that keeps no chunk past its turn: a plain file is read into one
 * Buffer, used again for every chunk, so each chunk is valid only until the next is asked for (a
 * reader copies what it keeps). A stream makes a Buffer a chunk: a few hundred MiB of them, made
 * and dropped, cost a full garbage collection every ~15 MiB. Gzip is read as by `openBytes`.
 */
async function* reusedChunks(path, range) {
    if (!range && (await isGzipped(path))) {
        yield* (await openBytes(path));
        return;
    }
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafeSlow(1 << 20);
        let at = range?.start ?? 0;
        const end = range?.end ?? Infinity;
        while (at < end) {
            const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - at), at);
            if (bytesRead === 0)
                break;
            at += bytesRead;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
/** The first non-blank bytes of a file's content (gunzipped), for telling formats apart. */
async function contentHead(path, n = 4096) {
    const stream = await openBytes(path);
    const parts = [];
    let length = 0;
    try {
        for await (const chunk of stream) {
            parts.push(chunk);
            length += chunk.length;
            if (length >= n)
                break;
        }
    }
    finally {
        stream.destroy();
    }
    return Buffer.concat(parts).subarray(0, n).toString('utf8');
}


/***/ }),

/***/ 55902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  go: () => (/* binding */ readSeedInto)
});

// UNUSED EXPORTS: readSpansFile, toSeedNdjson

// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
// EXTERNAL MODULE: ./src/dataset/json-array.ts
var json_array = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/dataset/json-position.ts
var json_position = __webpack_require__(46018);
// EXTERNAL MODULE: ./src/dataset/open.ts
var dataset_open = __webpack_require__(73138);
// EXTERNAL MODULE: ./src/dataset/json-bytes.ts
var json_bytes = __webpack_require__(52618);
// EXTERNAL MODULE: ./src/dataset/json-scan.ts
var json_scan = __webpack_require__(54568);
;// CONCATENATED MODULE: ./src/dataset/seed-scan.ts



/**
 * The fast path of the seed reader: one span record (`{"span-id": …}`) read straight from its
 * bytes into the builder, picking out the fields it needs, with no parse into objects. It takes
 * only the plain shape (string fields without escapes, integer times, string tags); on anything
 * else it answers false before writing, and the record goes through JSON.parse, which handles every
 * valid record and names the position of every mistake.
 */
/**
 * Scratch for one record: where each field's bytes are (`[from, to)`, from -1: absent), so that
 * nothing is written to the builder until the whole record is known to be of the plain shape.
 */
const rec = {
    spanFrom: -1,
    spanTo: 0,
    traceFrom: -1,
    traceTo: 0,
    parentFrom: -1,
    parentTo: 0,
    nameFrom: -1,
    nameTo: 0,
    serviceFrom: -1,
    serviceTo: 0,
    hostFrom: -1,
    hostTo: 0,
    start: NaN,
    end: NaN,
    error: false,
    /** Tags as [keyFrom, keyTo, valueFrom, valueTo] each. */
    tags: new Int32Array(64),
    tagCount: 0,
    /** Which object `flat` is reading: true for tags, false for the reporter. */
    inTags: false,
    at: 0,
};
/**
 * A string without escapes or control characters starting at the quote at `i`: returns the
 * position of its closing quote (its bytes are `[i + 1, close)`) and sets rec.at past it, or -1.
 */
function str(b, i, end) {
    if (b[i] !== json_bytes/* QUOTE */.jA)
        return -1;
    let j = i + 1;
    while (j < end) {
        const c = b[j];
        if (c === json_bytes/* QUOTE */.jA) {
            rec.at = j + 1;
            return j;
        }
        if (c === json_bytes/* BACKSLASH */.r_ || c < 0x20)
            return -1;
        j++;
    }
    return -1;
}
/** A whole number of at most 16 digits that a double holds exactly (optionally negative) at `i`; sets rec.at, or returns NaN. */
function seed_scan_int(b, i, end) {
    let negative = false;
    if (b[i] === 0x2d) {
        negative = true;
        i++;
    }
    let v = 0;
    const from = i;
    while (i < end) {
        const c = b[i];
        if (c < 0x30 || c > 0x39)
            break;
        v = v * 10 + (c - 0x30);
        i++;
    }
    const digits = i - from;
    if (digits === 0 || digits > 16 || v > Number.MAX_SAFE_INTEGER)
        return NaN;
    const c = b[i];
    if (c === 0x2e || c === 0x65 || c === 0x45)
        return NaN;
    rec.at = i;
    return negative ? -v : v;
}
const NAME = Buffer.from('name', 'latin1');
const HOSTNAME = Buffer.from('hostname', 'latin1');
const PARENT_TAG = Buffer.from('parent_span_guid', 'latin1');
/** Whether `b[from, to)` holds the bytes of `want`. */
function equals(b, from, to, want) {
    if (to - from !== want.length)
        return false;
    for (let k = 0; k < want.length; k++)
        if (b[from + k] !== want[k])
            return false;
    return true;
}
/** A flat object of string values at `i` (tags, reporter: see rec.inTags); false when not plain. */
function flat(b, i, end) {
    if (b[i] !== json_bytes/* OPEN */.vP)
        return false;
    i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
    if (b[i] === json_bytes/* CLOSE */.Nd) {
        rec.at = i + 1;
        return true;
    }
    for (;;) {
        const keyTo = str(b, i, end);
        if (keyTo < 0)
            return false;
        const keyFrom = i + 1;
        i = (0,json_bytes/* skipBlank */.W8)(b, rec.at, end);
        if (b[i] !== json_bytes/* COLON */.oH)
            return false;
        i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
        const valueTo = str(b, i, end);
        if (valueTo < 0)
            return false;
        const valueFrom = i + 1;
        if (rec.inTags) {
            const k = 4 * rec.tagCount++;
            if (k + 4 > rec.tags.length) {
                const bigger = new Int32Array(rec.tags.length * 2);
                bigger.set(rec.tags);
                rec.tags = bigger;
            }
            rec.tags[k] = keyFrom;
            rec.tags[k + 1] = keyTo;
            rec.tags[k + 2] = valueFrom;
            rec.tags[k + 3] = valueTo;
        }
        else if (equals(b, keyFrom, keyTo, NAME)) {
            rec.serviceFrom = valueFrom;
            rec.serviceTo = valueTo;
        }
        else if (equals(b, keyFrom, keyTo, HOSTNAME)) {
            rec.hostFrom = valueFrom;
            rec.hostTo = valueTo;
        }
        i = (0,json_bytes/* skipBlank */.W8)(b, rec.at, end);
        if (b[i] === json_bytes/* COMMA */.KE) {
            i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
            continue;
        }
        if (b[i] !== json_bytes/* CLOSE */.Nd)
            return false;
        rec.at = i + 1;
        return true;
    }
}
const KEYS = [
    'span-id',
    'trace-id',
    'parent-span-id',
    'span-name',
    'start-time-micros',
    'end-time-micros',
    'is-error',
    'tags',
    'reporter',
];
const KEY_BYTES = KEYS.map((k) => Buffer.from(k, 'latin1'));
/**
 * The keys of the last record read, in their order: records of one file nearly always give the
 * same keys in the same order, so the key expected at each place is tried first with one compare
 * of its bytes, before the search through KEYS.
 */
const lastOrder = new Int8Array(16).fill(-1);
/** Which of KEYS the quoted key at `i` is (-1: another), without making a string; sets rec.at past it. */
function key(b, i, end) {
    const close = str(b, i, end);
    if (close < 0)
        return -2;
    const length = close - i - 1;
    for (let k = 0; k < KEY_BYTES.length; k++) {
        const want = KEY_BYTES[k];
        if (want.length !== length || want[0] !== b[i + 1])
            continue;
        let same = true;
        for (let j = 1; j < length && same; j++)
            same = want[j] === b[i + 1 + j];
        if (same)
            return k;
    }
    return -1;
}
/** Whether the tag at `k` (an index into rec.tags) has the same key as an earlier one. */
function repeatedKey(b, k) {
    const tags = rec.tags;
    const from = tags[k];
    const to = tags[k + 1];
    for (let j = 0; j < k; j += 4) {
        const f = tags[j];
        if (tags[j + 1] - f !== to - from)
            continue;
        let same = true;
        for (let x = 0; x < to - from && same; x++)
            same = b[f + x] === b[from + x];
        if (same)
            return true;
    }
    return false;
}
/** Empties the scratch record. */
function seed_scan_reset() {
    rec.spanFrom = rec.traceFrom = rec.parentFrom = rec.nameFrom = rec.serviceFrom = rec.hostFrom = -1;
    rec.start = rec.end = NaN;
    rec.error = false;
    rec.tagCount = 0;
}
/** The bytes between the values of a record as the seed writes it (compact, its keys in KEYS' order). */
const COMPACT = {
    span: Buffer.from('{"span-id":"', 'latin1'),
    trace: Buffer.from('","trace-id":"', 'latin1'),
    parent: Buffer.from('","parent-span-id":"', 'latin1'),
    name: Buffer.from('","span-name":"', 'latin1'),
    start: Buffer.from('","start-time-micros":', 'latin1'),
    end: Buffer.from(',"end-time-micros":', 'latin1'),
    error: Buffer.from(',"is-error":', 'latin1'),
    tags: Buffer.from(',"tags":', 'latin1'),
    reporter: Buffer.from(',"reporter":', 'latin1'),
};
/**
 * A record written as the seed writes it (compact; span-id, trace-id, parent-span-id?, span-name,
 * the two times, is-error, tags, reporter, and nothing else) read into `rec` by comparing the bytes
 * between its values, without finding each key: what the walk in `scanSeedRecord` would read of it.
 * Returns the position after its `}`, or -1 (the caller empties `rec` and walks the record).
 */
function compactRecord(b, i, end) {
    if (!(0,json_scan/* startsWith */.w1)(b, i, end, COMPACT.span))
        return -1;
    let at = i + COMPACT.span.length - 1;
    let close = str(b, at, end);
    if (close < 0 || !(0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.trace))
        return -1;
    rec.spanFrom = at + 1;
    rec.spanTo = close;
    at = close + COMPACT.trace.length - 1;
    close = str(b, at, end);
    if (close < 0)
        return -1;
    rec.traceFrom = at + 1;
    rec.traceTo = close;
    if ((0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.parent)) {
        at = close + COMPACT.parent.length - 1;
        close = str(b, at, end);
        if (close < 0)
            return -1;
        rec.parentFrom = at + 1;
        rec.parentTo = close;
    }
    if (!(0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.name))
        return -1;
    at = close + COMPACT.name.length - 1;
    close = str(b, at, end);
    if (close < 0 || !(0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.start))
        return -1;
    rec.nameFrom = at + 1;
    rec.nameTo = close;
    rec.start = seed_scan_int(b, close + COMPACT.start.length, end);
    if (Number.isNaN(rec.start) || !(0,json_scan/* startsWith */.w1)(b, rec.at, end, COMPACT.end))
        return -1;
    rec.end = seed_scan_int(b, rec.at + COMPACT.end.length, end);
    if (Number.isNaN(rec.end) || !(0,json_scan/* startsWith */.w1)(b, rec.at, end, COMPACT.error))
        return -1;
    at = rec.at + COMPACT.error.length;
    if (b[at] === 0x74 && b[at + 1] === 0x72 && b[at + 2] === 0x75 && b[at + 3] === 0x65) {
        rec.error = true;
        at += 4;
    }
    else if (b[at] === 0x66 && b[at + 1] === 0x61 && b[at + 2] === 0x6c && b[at + 3] === 0x73 && b[at + 4] === 0x65)
        at += 5;
    else
        return -1;
    if (!(0,json_scan/* startsWith */.w1)(b, at, end, COMPACT.tags))
        return -1;
    rec.inTags = true;
    if (!flat(b, at + COMPACT.tags.length, end) || !(0,json_scan/* startsWith */.w1)(b, rec.at, end, COMPACT.reporter))
        return -1;
    rec.inTags = false;
    if (!flat(b, rec.at + COMPACT.reporter.length, end) || b[rec.at] !== json_bytes/* CLOSE */.Nd)
        return -1;
    return rec.at + 1;
}
/**
 * Reads the record that starts at `b[from]` into the builder: returns the position after it, or
 * -1 (nothing written) when it is not of the plain shape or does not end before `end`. With
 * `whole`, only blanks may follow it before `end` (a line of NDJSON).
 */
function scanSeedRecord(b, from, end, out, whole = true) {
    seed_scan_reset();
    const i = (0,json_bytes/* skipBlank */.W8)(b, from, end);
    const compact = compactRecord(b, i, end);
    if (compact >= 0 && (!whole || (0,json_bytes/* skipBlank */.W8)(b, compact, end) === end))
        rec.at = compact;
    else {
        seed_scan_reset();
        if (walkRecord(b, i, end, whole) < 0)
            return -1;
    }
    return commit(b, out);
}
/** The walk of a record of any key order and spacing at `i` into `rec`: the position after it, or -1. */
function walkRecord(b, i, end, whole) {
    if (b[i] !== json_bytes/* OPEN */.vP)
        return -1;
    i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
    for (let place = 0;; place++) {
        let k = place < 16 ? lastOrder[place] : -1;
        if (k >= 0) {
            const want = KEY_BYTES[k];
            const length = want.length;
            // A key of KEYS is plain ASCII: its bytes between two quotes are a string without escapes.
            let same = b[i] === json_bytes/* QUOTE */.jA && i + length + 1 < end && b[i + length + 1] === json_bytes/* QUOTE */.jA;
            for (let j = 0; j < length && same; j++)
                same = want[j] === b[i + 1 + j];
            if (same)
                rec.at = i + length + 2;
            else
                k = -1;
        }
        if (k < 0) {
            k = key(b, i, end);
            if (k < 0)
                return -1;
            if (place < 16)
                lastOrder[place] = k;
        }
        i = (0,json_bytes/* skipBlank */.W8)(b, rec.at, end);
        if (b[i] !== json_bytes/* COLON */.oH)
            return -1;
        i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
        switch (k) {
            case 0:
            case 1:
            case 2:
            case 3: {
                const close = str(b, i, end);
                if (close < 0)
                    return -1;
                if (k === 0) {
                    rec.spanFrom = i + 1;
                    rec.spanTo = close;
                }
                else if (k === 1) {
                    rec.traceFrom = i + 1;
                    rec.traceTo = close;
                }
                else if (k === 2) {
                    rec.parentFrom = i + 1;
                    rec.parentTo = close;
                }
                else {
                    rec.nameFrom = i + 1;
                    rec.nameTo = close;
                }
                break;
            }
            case 4:
            case 5: {
                const v = seed_scan_int(b, i, end);
                if (Number.isNaN(v))
                    return -1;
                if (k === 4)
                    rec.start = v;
                else
                    rec.end = v;
                break;
            }
            case 6:
                if (b[i] === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) {
                    rec.error = true;
                    rec.at = i + 4;
                }
                else if (b[i] === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) {
                    rec.error = false;
                    rec.at = i + 5;
                }
                else
                    return -1;
                break;
            case 7:
                // A repeated "tags" would need JSON's last-wins over the first one's pairs: the slow path.
                if (rec.tagCount > 0)
                    return -1;
                rec.inTags = true;
                if (!flat(b, i, end))
                    return -1;
                break;
            case 8:
                // A repeated "reporter" replaces the first whole, as in JSON.parse.
                rec.serviceFrom = rec.hostFrom = -1;
                rec.inTags = false;
                if (!flat(b, i, end))
                    return -1;
                break;
            default:
                return -1;
        }
        i = (0,json_bytes/* skipBlank */.W8)(b, rec.at, end);
        if (b[i] === json_bytes/* COMMA */.KE) {
            i = (0,json_bytes/* skipBlank */.W8)(b, i + 1, end);
            continue;
        }
        if (b[i] !== json_bytes/* CLOSE */.Nd)
            return -1;
        if (whole && (0,json_bytes/* skipBlank */.W8)(b, i + 1, end) !== end)
            return -1;
        return (rec.at = i + 1);
    }
}
/** Writes the record read into `rec` to the builder: the position after it, or -1 (nothing written) when it is not of the plain shape. */
function commit(b, out) {
    if (rec.spanFrom < 0 || rec.spanFrom === rec.spanTo || Number.isNaN(rec.start) || Number.isNaN(rec.end))
        return -1;
    const after = rec.at;
    const tags = rec.tags;
    const count = 4 * rec.tagCount;
    let parentFrom = rec.parentFrom < rec.parentTo ? rec.parentFrom : -1;
    let parentTo = rec.parentTo;
    for (let k = 0; k < count; k += 4) {
        // A key given twice would need JSON's last-wins: the slow path.
        if (k > 0 && repeatedKey(b, k))
            return -1;
        // Lightstep keeps the parent as a tag.
        if (parentFrom < 0 && tags[k + 3] > tags[k + 2] && equals(b, tags[k], tags[k + 1], PARENT_TAG)) {
            parentFrom = tags[k + 2];
            parentTo = tags[k + 3];
        }
    }
    const span = out.spanIdBytes(b, rec.spanFrom, rec.spanTo);
    const trace = rec.traceFrom >= 0 && rec.traceTo > rec.traceFrom
        ? out.traceIdBytes(b, rec.traceFrom, rec.traceTo)
        : out.traceIdBytes(b, rec.spanFrom, rec.spanTo);
    out.rowOf(trace, span, parentFrom >= 0 ? out.spanIdBytes(b, parentFrom, parentTo) : -1, rec.serviceFrom >= 0 ? out.internBytes(b, rec.serviceFrom, rec.serviceTo) : out.internWord(vocabulary/* NONE */.x3), rec.nameFrom >= 0 ? out.internBytes(b, rec.nameFrom, rec.nameTo) : out.internWord(vocabulary/* NONE */.x3), rec.start, Math.max(0, rec.end - rec.start), rec.error, rec.hostFrom >= 0 && rec.hostTo > rec.hostFrom ? out.internBytes(b, rec.hostFrom, rec.hostTo) : -1);
    for (let k = 0; k < count; k += 4) {
        if (equals(b, tags[k], tags[k + 1], PARENT_TAG))
            continue;
        out.tag(out.tagColumnBytes(b, tags[k], tags[k + 1]), out.internBytes(b, tags[k + 2], tags[k + 3]));
    }
    return after;
}

// EXTERNAL MODULE: ./src/dataset/assemble.ts
var assemble = __webpack_require__(72294);
// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var table = __webpack_require__(20040);
;// CONCATENATED MODULE: ./src/dataset/seed-spans.ts









const SHAPE_FIX = 'write spans as { "span-id", "trace-id", "span-name", "start-time-micros", "end-time-micros", "is-error", "tags", "reporter": { "name" } }';
const JSON_FIX = 'pass a JSON array of spans, or one span object per line (NDJSON)';
/** `file:line:col` of a field of the record (its key's place in the text, found only when there is a mistake). */
function position(at, field) {
    let line = at.line;
    let column = at.column;
    const offset = field === undefined ? -1 : at.text.indexOf(`"${field}"`);
    if (offset > 0) {
        const before = at.text.slice(0, offset);
        const breaks = before.split('\n');
        if (breaks.length > 1) {
            line += breaks.length - 1;
            column = breaks[breaks.length - 1].length + 1;
        }
        else
            column += offset;
    }
    return `${at.path}:${line}:${column}${at.element === undefined ? '' : `: span ${at.element}`}`;
}
/** A time field as integer microseconds: a finite number that a double holds exactly, or a mistake named with its place. */
function micros(raw, field, at) {
    const v = raw[field];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,16}(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
        const shown = typeof v === 'number' ? String(v) : (JSON.stringify(v)?.slice(0, 40) ?? 'nothing');
        throw new errors/* InputError */.dz(`${position(at, field)}: "${field}" is ${v === undefined ? 'missing' : shown}; expected a finite number of microseconds since the epoch`, SHAPE_FIX);
    }
    return Math.round(n);
}
/** One span of the seed's shape, written into the builder (no span object is made). */
function addSeedSpan(out, raw, at) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new errors/* InputError */.dz(`${position(at)}: not a span: expected an object, found ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`, SHAPE_FIX);
    }
    const s = raw;
    const spanId = s['span-id'];
    if (typeof spanId !== 'string' || spanId === '') {
        throw new errors/* InputError */.dz(`${position(at, 'span-id')}: not a span: expected "span-id" as a string, found ${spanId === undefined ? 'nothing' : JSON.stringify(spanId)}`, SHAPE_FIX);
    }
    const start = micros(s, 'start-time-micros', at);
    const end = micros(s, 'end-time-micros', at);
    const tags = s.tags !== null && typeof s.tags === 'object' ? s.tags : undefined;
    const parentTag = tags?.parent_span_guid;
    const parent = typeof s['parent-span-id'] === 'string' && s['parent-span-id']
        ? s['parent-span-id']
        : typeof parentTag === 'string' && parentTag
            ? parentTag
            : undefined;
    const reporter = s.reporter;
    const host = reporter?.hostname;
    out.row(typeof s['trace-id'] === 'string' && s['trace-id'] ? s['trace-id'] : spanId, spanId, parent, out.intern(typeof reporter?.name === 'string' ? reporter.name : vocabulary/* NONE */.x3), out.intern(typeof s['span-name'] === 'string' ? s['span-name'] : vocabulary/* NONE */.x3), start, Math.max(0, end - start), s['is-error'] === true || s['is-error'] === 'true', typeof host === 'string' && host ? out.intern(host) : -1);
    if (tags) {
        for (const k in tags) {
            if (k === 'parent_span_guid')
                continue;
            const v = tags[k];
            out.tag(out.tagColumn(k), out.intern(typeof v === 'string' ? v : JSON.stringify(v)));
        }
    }
}
/** Line and column of a JSON.parse error (its offset found by json-position.ts when the message gives none). */
function parsePosition(error, at) {
    const offset = (0,json_position/* mistakeOffset */.Q)(at.text, error.message);
    const before = at.text.slice(0, offset).split('\n');
    const line = at.line + before.length - 1;
    const column = before.length > 1 ? before[before.length - 1].length + 1 : at.column + offset;
    return `${at.path}:${line}:${column}${at.element === undefined ? '' : `: span ${at.element}`}`;
}
function parseRecord(out, at) {
    let raw;
    try {
        raw = JSON.parse(at.text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(`${parsePosition(error, at)}: not valid JSON (${(0,src_text/* printable */.g$)(error.message)})`, JSON_FIX);
    }
    addSeedSpan(out, raw, at);
}
/**
 * NDJSON, split on the newline byte in Buffers: a line is cut only at 0x0A (never at U+2028 or a
 * lone CR inside a string, as a text line reader would), a line of any size is gathered as a list
 * of chunks and joined once (no quadratic growth), and gzip is read through.
 */
async function readNdjsonInto(path, out, range) {
    let line = 0;
    let pending = [];
    // One line, b[from, to) (no subarray per line: a million small Buffers cost more than the scan).
    const flush = (b, from, to) => {
        line++;
        let end = to;
        if (end > from && b[end - 1] === 0x0d)
            end--;
        let start = from;
        while (start < end && (b[start] === 0x20 || b[start] === 0x09))
            start++;
        if (start === end)
            return;
        if (scanSeedRecord(b, start, end, out) >= 0)
            return;
        parseRecord(out, { path, line, column: 1, text: b.toString('utf8', from, end) });
    };
    // Chunks are views of one Buffer read into again (open.ts): the part of a line a chunk ends with is copied.
    for await (const chunk of (0,dataset_open/* reusedChunks */.f_)(path, range)) {
        let from = 0;
        for (;;) {
            const nl = chunk.indexOf(0x0a, from);
            if (nl < 0)
                break;
            if (pending.length) {
                pending.push(chunk.subarray(from, nl));
                const whole = Buffer.concat(pending);
                pending = [];
                flush(whole, 0, whole.length);
            }
            else
                flush(chunk, from, nl);
            from = nl + 1;
        }
        if (from < chunk.length)
            pending.push(Buffer.from(chunk.subarray(from)));
    }
    if (pending.length) {
        const whole = Buffer.concat(pending);
        flush(whole, 0, whole.length);
    }
}
/**
 * Reads a seed-shaped file (a JSON array or NDJSON, gzipped or not) into a builder; with a range,
 * those lines of an NDJSON file (their line numbers are then counted from the range's start).
 */
async function readSeedInto(path, out, range) {
    try {
        if (range)
            await readNdjsonInto(path, out, range);
        else
            await readSeed(path, out);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        // A corrupt gzip stream or an unreadable file: named, with the reason made printable.
        const reason = error.code ?? (0,src_text/* printable */.g$)(error.message);
        throw new errors/* InputError */.dz(`${path}: cannot be read (${reason})`, JSON_FIX);
    }
}
async function readSeed(path, out) {
    const first = (await (0,dataset_open/* contentHead */.aU)(path, 256)).trimStart()[0];
    if (first !== '[')
        return readNdjsonInto(path, out);
    try {
        await (0,json_array/* readJsonArray */.s5)(path, {
            fast: (b, from, limit) => scanSeedRecord(b, from, limit, out, false),
            slow: async (b, from, to, index, offset) => {
                const text = b.toString('utf8', from, to);
                const at = { path, line: 0, column: 1, element: index + 1, text };
                try {
                    parseRecord(out, at);
                }
                catch (error) {
                    if (!(error instanceof errors/* InputError */.dz))
                        throw error;
                    // The line is counted only now, for the message: the same mistake again, placed.
                    at.line = (await (0,json_array/* lineAt */.mh)(path, offset)).line;
                    parseRecord(out, at);
                }
            },
        });
    }
    catch (error) {
        if (!(error instanceof json_array/* ArrayStructureError */.N5))
            throw error;
        const { line } = await (0,json_array/* lineAt */.mh)(path, error.offset);
        throw new errors/* InputError */.dz(`${path}: not valid JSON (line ${line}: ${error.what})`, JSON_FIX);
    }
}
/**
 * Reads spans in the seed's shape: a JSON array or NDJSON, gzipped or not, both streamed (element
 * by element, line by line), so large exports need not fit in memory as text. Spans repeated in
 * the file are kept once.
 */
async function readSpansFile(path, options = {}) {
    const builder = new SpanTableBuilder();
    await readSeedInto(path, builder);
    return assembleDataset(builder, {
        provenance: {
            source: 'file',
            queryId: options.queryId ?? 'file',
            query: path,
            origin: path,
            collectedAt: new Date().toISOString(),
        },
    });
}
/** Writes spans back in the seed's shape (NDJSON), e.g. for committed example datasets. */
function toSeedNdjson(table) {
    return Array.from({ length: table.size }, (_, i) => spanAt(table, i))
        .map((s) => JSON.stringify({
        'span-id': s.spanId,
        'trace-id': s.traceId,
        ...(s.parentSpanId ? { 'parent-span-id': s.parentSpanId } : {}),
        'span-name': s.operation,
        'start-time-micros': s.startUs,
        'end-time-micros': s.startUs + s.durationUs,
        'is-error': s.error,
        tags: s.tags,
        reporter: { name: s.service, ...(s.host ? { hostname: s.host } : {}) },
    }))
        .join('\n')
        .concat('\n');
}


/***/ }),

/***/ 75879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tz: () => (/* binding */ detectFormat),
/* harmony export */   au: () => (/* binding */ FORMATS_READ)
/* harmony export */ });
/* unused harmony export classify */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _dataset_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56801);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48992);





/** Every format read, as the refusal of an unknown file lists them. */
const FORMATS_READ = "trace-differ datasets, OTLP JSON or JSON Lines (Collector, SDKs, Tempo's /api/traces and /api/v2/traces answers, Jaeger api_v3), Jaeger JSON (UI download, /api/traces answer, span lists), Zipkin v2 JSON (a list of spans or of traces, one span), and the seed's span JSON/NDJSON; each gzipped or not";
const HEAD_BYTES = 64 * 1024;
/** The first bytes of a file, gunzipped when it is gzip. */
async function head(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    let magic;
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
        magic = buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
    const gzip = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    const raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file, gzip ? {} : { end: HEAD_BYTES - 1 });
    const stream = gzip ? raw.pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)()) : raw;
    const chunks = [];
    let length = 0;
    let damage;
    try {
        for await (const chunk of stream) {
            chunks.push(chunk);
            length += chunk.length;
            if (length >= HEAD_BYTES)
                break;
        }
    }
    catch (error) {
        // A gzip stream cut short gives what came before the cut, and the reader reports where it ends;
        // corrupt data gives nothing to recognise.
        damage = error.message;
    }
    finally {
        raw.destroy();
        stream.destroy();
    }
    return { text: Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'), gzip, ...(damage ? { damage } : {}) };
}
/** The keys (strings followed by a colon) in a piece of JSON: a heuristic, but each format's keys are distinctive. */
function keysIn(text) {
    const keys = new Set();
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.){1,64})"\s*:/g))
        keys.add(m[1]);
    return keys;
}
/** Classifies the start of a file. Exported for tests; `detectFormat` reads the file. */
function classify(text) {
    const body = text.replace(/^\uFEFF/, '').trimStart();
    if (body.startsWith(_dataset_format_js__WEBPACK_IMPORTED_MODULE_3__/* .MAGIC */ .mS))
        return { format: 'dataset', label: 'a trace-differ dataset' };
    const keys = keysIn(body);
    const has = (...names) => names.every((n) => keys.has(n));
    const first = body[0];
    if (has('resourceSpans') || has('batches')) {
        const label = has('trace')
            ? "OTLP JSON (Tempo's /api/v2/traces answer)"
            : has('result')
                ? "OTLP JSON (Jaeger's api_v3 answer)"
                : has('batches')
                    ? "OTLP JSON (Tempo's older /api/traces answer, batches)"
                    : 'OTLP JSON';
        return { format: 'otlp', label };
    }
    if (has('spanID') && (has('operationName') || has('startTime'))) {
        const label = first === '['
            ? has('spans')
                ? 'Jaeger JSON (a list of traces)'
                : 'Jaeger JSON (a list of spans)'
            : has('data')
                ? 'Jaeger JSON (UI download / /api/traces answer)'
                : 'Jaeger JSON (one trace)';
        return { format: 'jaeger', label };
    }
    if (has('span-id'))
        return { format: 'seed', label: "span JSON in the seed's shape" };
    // An empty file or list holds no spans in any format: read as such (a file split into parts may leave one
    // empty); a side with no spans at all is refused where the sides are compared.
    if (body === '' || /^\[\s*\]\s*$/.test(body))
        return { format: 'seed', label: 'no spans (an empty file or list)' };
    if (has('traceId', 'id') && (has('timestamp') || has('localEndpoint') || has('name'))) {
        const label = /^\[\s*\[/.test(body)
            ? 'Zipkin v2 JSON (a list of traces)'
            : first === '['
                ? 'Zipkin v2 JSON (a list of spans)'
                : 'Zipkin v2 JSON (one span)';
        return { format: 'zipkin', label };
    }
    // An empty list is an empty list of spans in any format: read it as such, and the side has no spans.
    if (/^\[\s*\]\s*$/.test(body))
        return { format: 'seed', label: 'an empty JSON list' };
    return { format: 'unknown', looksLike: describe(body, keys) };
}
function describe(body, keys) {
    if (body === '')
        return 'it is empty';
    if (has(keys, 'traces') && (has(keys, 'rootServiceName') || has(keys, 'traceID'))) {
        return "it looks like a Tempo search answer (trace ids, no spans): fetch each trace from /api/v2/traces/{id}, or configure a 'tempo' source";
    }
    const first = body[0];
    const names = [...keys].slice(0, 6).map((k) => (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(JSON.stringify(k.slice(0, 40))));
    const some = names.length ? ` with keys ${names.join(', ')}${keys.size > names.length ? ', …' : ''}` : '';
    if (first === '{')
        return `it looks like a JSON object${some}, in no trace format trace-differ reads`;
    if (first === '[')
        return `it looks like a JSON list${some}, in no trace format trace-differ reads`;
    // Bytes that are not text are not quoted: they would reach a terminal or a log.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.test(body.slice(0, 512)))
        return 'it is binary, not JSON text';
    return `it is not JSON (it starts with ${JSON.stringify(body.slice(0, 24))})`;
}
const has = (keys, name) => keys.has(name);
/** Detects the format of a file from its first 64 KiB (after gunzip). */
async function detectFormat(file) {
    const { text, gzip, damage } = await head(file);
    if (damage)
        return { format: 'unknown', looksLike: `it is gzip, but its data cannot be decompressed (${damage})`, gzip };
    return { ...classify(text), gzip };
}


/***/ }),

/***/ 71807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ readTraceFile)
});

// UNUSED EXPORTS: unknownFormat

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/dataset/json-array.ts
var json_array = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/dataset/json-position.ts
var json_position = __webpack_require__(46018);
// EXTERNAL MODULE: ./src/dataset/open.ts
var dataset_open = __webpack_require__(73138);
// EXTERNAL MODULE: ./src/dataset/seed-spans.ts + 1 modules
var seed_spans = __webpack_require__(55902);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/sources/jaeger/json.ts
var json = __webpack_require__(62059);
// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
// EXTERNAL MODULE: ./src/dataset/dictionary.ts
var dictionary = __webpack_require__(4918);
// EXTERNAL MODULE: ./src/dataset/json-scan.ts
var json_scan = __webpack_require__(54568);
// EXTERNAL MODULE: ./src/dataset/json-bytes.ts
var json_bytes = __webpack_require__(52618);
// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var table = __webpack_require__(20040);
;// CONCATENATED MODULE: ./src/sources/jaeger/scan.ts





/**
 * The fast path of the Jaeger reader: one trace of the answer's `data` (or of a list of traces) read
 * straight from its bytes into the builder, with no object per span. A trace's `processes` come after
 * its `spans` (as the query service writes them), so the trace is walked once to find both, the
 * processes are read, then the spans. It takes the shapes Jaeger writes (hex ids, times in whole
 * microseconds, tags of strings, booleans and whole numbers, the process by id); on anything else —
 * or a mistake — it answers -1, the caller drops the rows it wrote, and the element goes through
 * JSON.parse and `readJaegerElement`, which reads every valid trace and names every mistake. Both
 * give the same rows (`__tests__/sources/files/jaeger-scan.test.ts`).
 */
const K = {
    traceID: (0,json_scan/* keyBytes */.Rt)('traceID'),
    spanID: (0,json_scan/* keyBytes */.Rt)('spanID'),
    parentSpanID: (0,json_scan/* keyBytes */.Rt)('parentSpanID'),
    operationName: (0,json_scan/* keyBytes */.Rt)('operationName'),
    references: (0,json_scan/* keyBytes */.Rt)('references'),
    refType: (0,json_scan/* keyBytes */.Rt)('refType'),
    childOf: (0,json_scan/* keyBytes */.Rt)('CHILD_OF'),
    startTime: (0,json_scan/* keyBytes */.Rt)('startTime'),
    duration: (0,json_scan/* keyBytes */.Rt)('duration'),
    tags: (0,json_scan/* keyBytes */.Rt)('tags'),
    processID: (0,json_scan/* keyBytes */.Rt)('processID'),
    process: (0,json_scan/* keyBytes */.Rt)('process'),
    spans: (0,json_scan/* keyBytes */.Rt)('spans'),
    processes: (0,json_scan/* keyBytes */.Rt)('processes'),
    serviceName: (0,json_scan/* keyBytes */.Rt)('serviceName'),
    key: (0,json_scan/* keyBytes */.Rt)('key'),
    value: (0,json_scan/* keyBytes */.Rt)('value'),
    error: (0,json_scan/* keyBytes */.Rt)('error'),
    statusCode: (0,json_scan/* keyBytes */.Rt)('otel.status_code'),
    hostname: (0,json_scan/* keyBytes */.Rt)('hostname'),
};
// The trace and span being read: module state, as in the OTLP scanner (a closure per span costs more than the scan).
let out;
let buf = new Uint8Array(0);
let limit = 0;
/** The trace's own traceID, its spans list and its processes object: positions, -1 when absent. */
let traceFrom = -1;
let traceTo = 0;
let spansAt = -1;
let processesAt = -1;
/** Processes: their id's bytes, service, host and a slice of `processTags` ([column, value] pairs). */
let processCount = 0;
let processIdFrom = new Int32Array(16);
let processIdTo = new Int32Array(16);
let processService = new Int32Array(16);
let processHost = new Int32Array(16);
let processTagFrom = new Int32Array(17);
let processTags = new Int32Array(64);
let processTagCount = 0;
/** Tags being read: into `pairs` from `pairBase`, with the last value of the keys that mean something. */
let pairs = new Int32Array(64);
let pairCount = 0;
let tagColumn = -1;
let tagValue = -2;
let tagKeyIs = 0;
let lastError = -1;
let lastStatus = -1;
let lastHost = -1;
/** The span: field positions, -1 when absent. */
let spanTraceFrom = -1;
let spanTraceTo = 0;
let spanFrom = -1;
let spanTo = 0;
let oldParentFrom = -1;
let oldParentTo = 0;
let operation = -1;
let start = NaN;
let duration = NaN;
let processFrom = -1;
let processTo = 0;
/** The parent chosen from `references` (span id bytes), and whether it came from a CHILD_OF. */
let refParentFrom = -1;
let refParentTo = 0;
let refChildOf = false;
/** The reference being read. */
let refTraceFrom = -1;
let refTraceTo = 0;
let refSpanFrom = -1;
let refSpanTo = 0;
let refIsChildOf = false;
/** `a`, or a copy with room for `need` (at least twice as long). */
function room(a, need) {
    return need <= a.length ? a : (0,table/* grown */.gT)(a, Math.max(need, a.length * 2));
}
/** The key b[from, to) of a tag (no escapes): its column, and whether it is one that means something. */
function tagKey(b, from, to) {
    tagKeyIs = (0,json_scan.is)(b, from, to, K.error) ? 1 : (0,json_scan.is)(b, from, to, K.statusCode) ? 2 : (0,json_scan.is)(b, from, to, K.hostname) ? 3 : 0;
    // An empty key is no tag, as in the slow path.
    tagColumn = to === from ? -2 : out.tagColumnBytes(b, from, to);
}
/** A tag written compactly with a string value: `{"key":"…","type":"string","value":"…"}`. */
const PLAIN_TAG = ['{"key":"', '","type":"string","value":"', '"}'].map(json_scan/* keyBytes */.Rt);
/** A reference written compactly: `{"refType":"CHILD_OF","traceID":"…","spanID":"…"}`. */
const PLAIN_REFERENCE = ['{"refType":"CHILD_OF","traceID":"', '","spanID":"', '"}'].map(json_scan/* keyBytes */.Rt);
const found = new Int32Array(4);
/**
 * A tag of the shape Jaeger writes (compact, type string, no escapes) read by comparing its bytes,
 * without walking its object: as `object(…, tagField)` would read it. False (nothing read) otherwise.
 */
function plainTag(b, v, end) {
    if ((0,json_scan/* template */.vs)(b, v, end, PLAIN_TAG, found) < 0)
        return false;
    tagKey(b, found[0], found[1]);
    tagValue = out.internBytes(b, found[2], found[3]);
    return true;
}
/** A member of a tag {key, type, value}: the value as the slow path renders it (string, boolean, whole number, null). */
function tagField(kf, kt, x) {
    const b = buf;
    const end = limit;
    if ((0,json_scan.is)(b, kf, kt, K.key)) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0)
            return false;
        // A key with escapes is left to the slow path.
        if (json_scan/* cursor */.Dy.escapes)
            return false;
        tagKey(b, x + 1, close);
        return true;
    }
    if (!(0,json_scan.is)(b, kf, kt, K.value))
        return (0,json_scan/* value */.Uq)(b, x, end);
    const c = b[x];
    if (c === json_bytes/* QUOTE */.jA) {
        tagValue = (0,json_scan/* internString */.QL)(out, b, x, end);
        return tagValue >= 0;
    }
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
        const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
        if (!(0,json_scan/* literal */.eu)(b, x, end, word))
            return false;
        tagValue = out.internWord(word);
        return true;
    }
    const whole = (0,json_scan/* wholeNumber */.rD)(b, x, end);
    if (whole >= 0) {
        tagValue = out.internBytes(b, x, whole);
        return true;
    }
    // Any other number renders as JavaScript writes it (`1.50` as 1.5), as in the slow path.
    const n = (0,json_scan/* number */.ai)(b, x, end);
    if (n < 0)
        return false;
    tagValue = out.intern(String(Number((0,dictionary/* utf8 */.A)(b, x, n))));
    return true;
}
/** One tag of a list into `pairs`; false to give up. */
function tag(v) {
    tagColumn = -1;
    tagValue = -2;
    tagKeyIs = 0;
    if (!plainTag(buf, v, limit) && (0,json_scan/* object */.Ik)(buf, v, limit, tagField) < 0)
        return false;
    // A tag without a key is no tag, as in the slow path; a missing value renders as null.
    if (tagColumn === -2)
        return true;
    if (tagColumn < 0)
        return false;
    if (tagValue === -2)
        tagValue = out.internWord('null');
    pairs = room(pairs, 2 * pairCount + 2);
    pairs[2 * pairCount] = tagColumn;
    pairs[2 * pairCount + 1] = tagValue;
    pairCount++;
    if (tagKeyIs === 1)
        lastError = tagValue;
    else if (tagKeyIs === 2)
        lastStatus = tagValue;
    else if (tagKeyIs === 3)
        lastHost = tagValue;
    return true;
}
/** A list of tags at `i` into `pairs` (from pairCount 0); the end, or -1. */
function tags(b, i, end) {
    pairCount = 0;
    lastError = lastStatus = lastHost = -1;
    // null is no tags, as in the slow path.
    if (b[i] === 0x6e)
        return (0,json_scan/* literal */.eu)(b, i, end, 'null') ? json_scan/* cursor */.Dy.at : -1;
    return (0,json_scan/* list */.p_)(b, i, end, tag);
}
function processField(kf, kt, x) {
    const b = buf;
    const end = limit;
    if ((0,json_scan.is)(b, kf, kt, K.serviceName)) {
        processService[processCount] = (0,json_scan/* internName */.Ew)(out, b, x, end, 'unknown_service');
        return processService[processCount] >= 0;
    }
    if ((0,json_scan.is)(b, kf, kt, K.tags)) {
        if (tags(b, x, end) < 0)
            return false;
        processTags = room(processTags, 2 * (processTagCount + pairCount));
        // A copy by hand: subarray would make an object per process.
        for (let k = 0; k < 2 * pairCount; k++)
            processTags[2 * processTagCount + k] = pairs[k];
        processTagCount += pairCount;
        processHost[processCount] = lastHost;
        return true;
    }
    return (0,json_scan/* value */.Uq)(b, x, end);
}
/** How many lists of tags the process being read has given (module state: a closure per process would cost). */
let processTagLists = 0;
function processMember(pf, pt, y) {
    // A second list of tags would need JSON's last-wins: the slow path.
    if ((0,json_scan.is)(buf, pf, pt, K.tags) && ++processTagLists > 1)
        return false;
    return processField(pf, pt, y);
}
/** One member of `processes`: its id, then the process. */
function process(kf, kt, x) {
    const n = processCount;
    if (n + 2 > processIdFrom.length) {
        processIdFrom = room(processIdFrom, n + 2);
        processIdTo = room(processIdTo, n + 2);
        processService = room(processService, n + 2);
        processHost = room(processHost, n + 2);
        processTagFrom = room(processTagFrom, n + 3);
    }
    processIdFrom[n] = kf;
    processIdTo[n] = kt;
    processService[n] = out.internWord('unknown_service');
    processHost[n] = -1;
    processTagFrom[n] = processTagCount;
    processTagLists = 0;
    if ((0,json_scan/* object */.Ik)(buf, x, limit, processMember) < 0)
        return false;
    processCount++;
    processTagFrom[processCount] = processTagCount;
    return true;
}
function referenceField(kf, kt, x) {
    const b = buf;
    const end = limit;
    if ((0,json_scan.is)(b, kf, kt, K.refType)) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        refIsChildOf = (0,json_scan.is)(b, x + 1, close, K.childOf);
        return true;
    }
    if ((0,json_scan.is)(b, kf, kt, K.traceID) || (0,json_scan.is)(b, kf, kt, K.spanID)) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        if (kt - kf === 7) {
            refTraceFrom = x + 1;
            refTraceTo = close;
        }
        else {
            refSpanFrom = x + 1;
            refSpanTo = close;
        }
        return true;
    }
    return (0,json_scan/* value */.Uq)(b, x, end);
}
/**
 * A reference of the shape Jaeger writes (compact, CHILD_OF, ids without escapes) read by comparing
 * its bytes, without walking its object: as `object(…, referenceField)` would read it. False
 * (nothing read) for any other shape.
 */
function plainReference(b, v, end) {
    if ((0,json_scan/* template */.vs)(b, v, end, PLAIN_REFERENCE, found) < 0)
        return false;
    refIsChildOf = true;
    refTraceFrom = found[0];
    refTraceTo = found[1];
    refSpanFrom = found[2];
    refSpanTo = found[3];
    return true;
}
/** One reference: the first CHILD_OF in the span's own trace is its parent, else the first in its trace. */
function reference(v) {
    refTraceFrom = refSpanFrom = -1;
    refIsChildOf = false;
    if (!plainReference(buf, v, limit) && (0,json_scan/* object */.Ik)(buf, v, limit, referenceField) < 0)
        return false;
    if (refTraceFrom >= 0) {
        // In the span's own trace only when spelled as its trace id is: any other spelling is the slow path's to compare.
        const tf = spanTraceFrom >= 0 ? spanTraceFrom : traceFrom;
        const tt = spanTraceFrom >= 0 ? spanTraceTo : traceTo;
        if (tf < 0)
            return false;
        if (!(0,json_scan/* sameBytes */.er)(buf, refTraceFrom, refTraceTo, tf, tt))
            return true;
    }
    if (refParentFrom < 0 || (refIsChildOf && !refChildOf)) {
        refParentFrom = refSpanFrom;
        refParentTo = refSpanTo;
        refChildOf = refIsChildOf;
        // A reference without a span id would be the slow path's pick: leave it to it.
        if (refSpanFrom < 0)
            return false;
    }
    return true;
}
let referenceLists = 0;
let tagLists = 0;
function spanField(kf, kt, v) {
    const b = buf;
    const end = limit;
    const n = kt - kf;
    if (n === 7 && (0,json_scan.is)(b, kf, kt, K.traceID)) {
        const close = (0,json_scan/* string */.Yj)(b, v, end);
        // References read before the span's own trace id were compared with the trace's: the slow path's to redo.
        if (close < 0 || json_scan/* cursor */.Dy.escapes || referenceLists > 0)
            return false;
        spanTraceFrom = v + 1;
        spanTraceTo = close;
    }
    else if (n === 6 && (0,json_scan.is)(b, kf, kt, K.spanID)) {
        const close = (0,json_scan/* string */.Yj)(b, v, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        spanFrom = v + 1;
        spanTo = close;
    }
    else if (n === 12 && (0,json_scan.is)(b, kf, kt, K.parentSpanID)) {
        const close = (0,json_scan/* string */.Yj)(b, v, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        oldParentFrom = v + 1;
        oldParentTo = close;
    }
    else if (n === 13 && (0,json_scan.is)(b, kf, kt, K.operationName)) {
        operation = (0,json_scan/* internName */.Ew)(out, b, v, end, vocabulary/* NONE */.x3);
        if (operation < 0)
            return false;
    }
    else if (n === 10 && (0,json_scan.is)(b, kf, kt, K.references)) {
        // References come before the span's traceID in no export; a second list needs JSON's last-wins.
        if (++referenceLists > 1)
            return false;
        refParentFrom = -1;
        refChildOf = false;
        if (b[v] === 0x6e)
            return (0,json_scan/* literal */.eu)(b, v, end, 'null');
        return (0,json_scan/* list */.p_)(b, v, end, reference) >= 0;
    }
    else if (n === 9 && (0,json_scan.is)(b, kf, kt, K.startTime)) {
        start = (0,json_scan/* wholeMicros */.d4)(b, v, end);
        if (Number.isNaN(start))
            return false;
    }
    else if (n === 8 && (0,json_scan.is)(b, kf, kt, K.duration)) {
        duration = (0,json_scan/* wholeMicros */.d4)(b, v, end);
        if (Number.isNaN(duration))
            return false;
    }
    else if (n === 4 && (0,json_scan.is)(b, kf, kt, K.tags)) {
        if (++tagLists > 1)
            return false;
        if (tags(b, v, end) < 0)
            return false;
    }
    else if (n === 9 && (0,json_scan.is)(b, kf, kt, K.processID)) {
        const close = (0,json_scan/* string */.Yj)(b, v, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        processFrom = v + 1;
        processTo = close;
    }
    else if (n === 7 && (0,json_scan.is)(b, kf, kt, K.process)) {
        // A process inline (the list-of-spans shape) is read by the slow path.
        return false;
    }
    else
        return (0,json_scan/* value */.Uq)(b, v, end);
    return true;
}
/** The index of the id in b[from, to), as the slow path makes it; -1 for none (all zeros), -2 when the slow path must decide. */
function idIndex(b, from, to, trace) {
    return out.idOfBytes(b, from, to, trace);
}
/** One span into a row; false when the slow path must read it. */
function span(v) {
    const b = buf;
    spanTraceFrom = spanFrom = oldParentFrom = operation = processFrom = refParentFrom = -1;
    start = NaN;
    duration = 0;
    referenceLists = tagLists = 0;
    pairCount = 0;
    lastError = lastStatus = -1;
    const e = (0,json_scan/* object */.Ik)(b, v, limit, spanField);
    // Tags are read into `pairs` by the span's own list only; no list leaves none.
    if (tagLists === 0)
        pairCount = 0;
    if (e < 0 || spanFrom < 0 || Number.isNaN(start))
        return false;
    const tf = spanTraceFrom >= 0 ? spanTraceFrom : traceFrom;
    const tt = spanTraceFrom >= 0 ? spanTraceTo : traceTo;
    if (tf < 0)
        return false;
    const trace = idIndex(b, tf, tt, true);
    const id = idIndex(b, spanFrom, spanTo, false);
    if (trace < 0 || id < 0)
        return false;
    let parentFrom = refParentFrom;
    let parentTo = refParentTo;
    let parent = parentFrom >= 0 ? idIndex(b, parentFrom, parentTo, false) : -1;
    if (parent === -1 && oldParentFrom >= 0) {
        parentFrom = oldParentFrom;
        parentTo = oldParentTo;
        parent = idIndex(b, parentFrom, parentTo, false);
    }
    if (parent === -2)
        return false;
    // A span that names itself as its parent has none (as the slow path reads it); ids are compared by value.
    if (parent >= 0) {
        const same = (0,json_scan/* sameHexValue */.VK)(b, parentFrom, parentTo, spanFrom, spanTo);
        if (same === undefined)
            return false;
        if (same)
            parent = -1;
    }
    let p = -1;
    if (processFrom >= 0) {
        // The last process of that id wins, as in JSON.parse.
        for (let k = processCount - 1; k >= 0 && p < 0; k--)
            if ((0,json_scan/* sameBytes */.er)(b, processIdFrom[k], processIdTo[k], processFrom, processTo))
                p = k;
    }
    const error = lastError === out.internWord('true') || lastStatus === out.internWord('ERROR');
    out.rowOf(trace, id, parent, p < 0 ? out.internWord('unknown_service') : processService[p], operation < 0 ? out.internWord(vocabulary/* NONE */.x3) : operation, start, Math.max(0, duration), error, p < 0 ? -1 : processHost[p]);
    // The process's tags first, so a span tag of the same key wins.
    if (p >= 0)
        for (let k = processTagFrom[p]; k < processTagFrom[p + 1]; k++)
            out.tag(processTags[2 * k], processTags[2 * k + 1]);
    for (let k = 0; k < pairCount; k++)
        out.tag(pairs[2 * k], pairs[2 * k + 1]);
    json_scan/* cursor */.Dy.at = e;
    return true;
}
function traceField(kf, kt, v) {
    const b = buf;
    const end = limit;
    if ((0,json_scan.is)(b, kf, kt, K.traceID)) {
        const close = (0,json_scan/* string */.Yj)(b, v, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes || traceFrom >= 0)
            return false;
        traceFrom = v + 1;
        traceTo = close;
        return true;
    }
    if ((0,json_scan.is)(b, kf, kt, K.spans) || (0,json_scan.is)(b, kf, kt, K.processes)) {
        // Either twice would need JSON's last-wins: the slow path.
        if (kt - kf === 5) {
            if (spansAt >= 0 || b[v] !== json_bytes/* OPEN_LIST */.oQ)
                return false;
            spansAt = v;
            if (guessing && Buffer.isBuffer(b)) {
                // The end of the spans guessed by the bytes Jaeger writes after them: `],"processes":{`
                // cannot be inside a string (its quote would be escaped), and the guess is checked when
                // the spans are read (`scanJaegerTrace`). One native search instead of a walk through them.
                const at = b.indexOf(SPANS_END, v);
                if (at >= 0 && at + SPANS_END.length < end) {
                    spansEnd = json_scan/* cursor */.Dy.at = at + 1;
                    return true;
                }
                guessMissed = true;
            }
            // Checked as they are read, once the processes are known.
            return (0,json_scan/* skipContainer */.Tb)(b, v, end) >= 0;
        }
        else {
            if (processesAt >= 0)
                return false;
            processesAt = v;
        }
    }
    return (0,json_scan/* value */.Uq)(b, v, end);
}
/** What Jaeger writes between a trace's spans and its processes. */
const SPANS_END = Buffer.from('],"processes":{', 'latin1');
/**
 * The end of the spans as guessed (-1: found by a walk); whether to guess, whether the bytes were
 * not there, and the builder for which guessing stopped (a file of another layout: one guess in
 * vain a trace would cost a search through the rest of the chunk).
 */
let spansEnd = -1;
let guessing = true;
let guessMissed = false;
let guessStopped;
/**
 * Reads the trace that starts at `b[from]` (and ends before `end`) into `builder`: returns the
 * position after it, or -1 when the slow path must read it (the caller then drops the rows written).
 */
function scanJaegerTrace(b, from, end, builder) {
    const rows = builder.size;
    guessing = guessStopped !== builder;
    guessMissed = false;
    let e = scanTrace(b, from, end, builder);
    if (e === -2) {
        // Read with a guess that may be wrong: read again by a walk through the spans.
        builder.truncate(rows);
        guessing = false;
        e = scanTrace(b, from, end, builder);
        // The walk read it: the guess was wrong (a file of another layout).
        if (e >= 0)
            guessMissed = true;
    }
    if (guessMissed && e >= 0)
        guessStopped = builder;
    return e;
}
/** As scanJaegerTrace; -2 when it read with a guess of the spans' end and either failed or found the guess wrong. */
function scanTrace(b, from, end, builder) {
    out = builder;
    buf = b;
    limit = end;
    traceFrom = spansAt = processesAt = spansEnd = -1;
    processCount = processTagCount = 0;
    processTagFrom[0] = 0;
    const e = (0,json_scan/* object */.Ik)(b, from, end, traceField);
    if (e < 0 || spansAt < 0)
        return spansEnd >= 0 ? -2 : -1;
    if (processesAt >= 0 && (0,json_scan/* object */.Ik)(b, processesAt, end, process) < 0)
        return spansEnd >= 0 ? -2 : -1;
    const spansTo = (0,json_scan/* list */.p_)(b, spansAt, end, span);
    if (spansTo < 0)
        return spansEnd >= 0 ? -2 : -1;
    if (spansEnd >= 0 && spansTo !== spansEnd)
        return -2;
    return e;
}

// EXTERNAL MODULE: ./src/sources/zipkin/json.ts
var zipkin_json = __webpack_require__(95892);
;// CONCATENATED MODULE: ./src/sources/zipkin/scan.ts






/**
 * The fast path of the Zipkin reader: one trace of a list of traces (`/api/v2/traces`) read straight
 * from its bytes into the builder, with no object per span. The spans are read into scratch first:
 * a server span that shares its client's id is told apart only once every span of the trace is known
 * (readZipkinSpans' two passes, here over numbers). It takes what Zipkin writes (hex ids, whole
 * microseconds, string tags, the four kinds); on anything else it answers -1, the caller drops the
 * rows it wrote, and the trace goes through JSON.parse and `readZipkinSpans`. Both give the same
 * rows (`__tests__/sources/files/zipkin-scan.test.ts`).
 */
const scan_K = {
    traceId: (0,json_scan/* keyBytes */.Rt)('traceId'),
    id: (0,json_scan/* keyBytes */.Rt)('id'),
    parentId: (0,json_scan/* keyBytes */.Rt)('parentId'),
    kind: (0,json_scan/* keyBytes */.Rt)('kind'),
    name: (0,json_scan/* keyBytes */.Rt)('name'),
    timestamp: (0,json_scan/* keyBytes */.Rt)('timestamp'),
    duration: (0,json_scan/* keyBytes */.Rt)('duration'),
    localEndpoint: (0,json_scan/* keyBytes */.Rt)('localEndpoint'),
    serviceName: (0,json_scan/* keyBytes */.Rt)('serviceName'),
    tags: (0,json_scan/* keyBytes */.Rt)('tags'),
    error: (0,json_scan/* keyBytes */.Rt)('error'),
    statusCode: (0,json_scan/* keyBytes */.Rt)('otel.status_code'),
    spanKind: (0,json_scan/* keyBytes */.Rt)('span.kind'),
};
/** Zipkin's kinds, and the `span.kind` tag each becomes (lower case, as the slow path writes it). */
const KINDS = ['CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER'].map(json_scan/* keyBytes */.Rt);
const SERVER = 1;
let scan_out;
let scan_buf = new Uint8Array(0);
let scan_limit = 0;
// Per span of the trace, in scratch (grown as needed): positions of the ids, and what the row needs.
let n = 0;
let scan_traceFrom = new Int32Array(64);
let scan_traceTo = new Int32Array(64);
let idFrom = new Int32Array(64);
let idTo = new Int32Array(64);
let parentFrom = new Int32Array(64);
let parentTo = new Int32Array(64);
let kindOf = new Int32Array(64);
let nameOf = new Int32Array(64);
let serviceOf = new Int32Array(64);
let startOf = new Float64Array(64);
let durationOf = new Float64Array(64);
let errorOf = new Uint8Array(64);
let kindTagOf = new Uint8Array(64);
let tagsFrom = new Int32Array(65);
let scan_pairs = new Int32Array(256);
let scan_pairCount = 0;
// The span being read.
let scan_tagLists = 0;
let hasError = false;
let statusValue = -1;
let hasKindTag = false;
function grow() {
    const size = scan_traceFrom.length * 2 + 1;
    scan_traceFrom = (0,table/* grown */.gT)(scan_traceFrom, size);
    scan_traceTo = (0,table/* grown */.gT)(scan_traceTo, size);
    idFrom = (0,table/* grown */.gT)(idFrom, size);
    idTo = (0,table/* grown */.gT)(idTo, size);
    parentFrom = (0,table/* grown */.gT)(parentFrom, size);
    parentTo = (0,table/* grown */.gT)(parentTo, size);
    kindOf = (0,table/* grown */.gT)(kindOf, size);
    nameOf = (0,table/* grown */.gT)(nameOf, size);
    serviceOf = (0,table/* grown */.gT)(serviceOf, size);
    tagsFrom = (0,table/* grown */.gT)(tagsFrom, size);
    startOf = (0,table/* grown */.gT)(startOf, size);
    durationOf = (0,table/* grown */.gT)(durationOf, size);
    errorOf = (0,table/* grown */.gT)(errorOf, size);
    kindTagOf = (0,table/* grown */.gT)(kindTagOf, size);
}
/** A tag `"key": value` of the span: strings as they are, numbers and literals as JSON writes them. */
function scan_tag(kf, kt, x) {
    const b = scan_buf;
    const end = scan_limit;
    if (kt === kf)
        return false;
    const c = b[x];
    let v;
    if (c === json_bytes/* QUOTE */.jA)
        v = (0,json_scan/* internString */.QL)(scan_out, b, x, end);
    else if (c === 0x74 || c === 0x66 || c === 0x6e) {
        const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
        v = (0,json_scan/* literal */.eu)(b, x, end, word) ? scan_out.intern(word) : -1;
    }
    else {
        const whole = (0,json_scan/* wholeNumber */.rD)(b, x, end);
        if (whole >= 0)
            v = scan_out.internBytes(b, x, whole);
        else {
            const e = (0,json_scan/* number */.ai)(b, x, end);
            v = e < 0 ? -1 : scan_out.intern(JSON.stringify(Number((0,dictionary/* utf8 */.A)(b, x, e))));
        }
    }
    if (v < 0)
        return false;
    if (scan_pairCount * 2 + 2 > scan_pairs.length)
        scan_pairs = (0,table/* grown */.gT)(scan_pairs, scan_pairs.length * 2);
    scan_pairs[2 * scan_pairCount] = scan_out.tagColumnBytes(b, kf, kt);
    scan_pairs[2 * scan_pairCount + 1] = v;
    scan_pairCount++;
    if ((0,json_scan.is)(b, kf, kt, scan_K.error))
        hasError = true;
    else if ((0,json_scan.is)(b, kf, kt, scan_K.statusCode))
        statusValue = v;
    else if ((0,json_scan.is)(b, kf, kt, scan_K.spanKind))
        hasKindTag = true;
    return true;
}
function endpointField(kf, kt, x) {
    if (!(0,json_scan.is)(scan_buf, kf, kt, scan_K.serviceName))
        return (0,json_scan/* value */.Uq)(scan_buf, x, scan_limit);
    serviceOf[n] = (0,json_scan/* internName */.Ew)(scan_out, scan_buf, x, scan_limit, 'unknown');
    return serviceOf[n] >= 0;
}
/** An id's string at `x` (no escapes): its range into `from`/`to` at the span's slot. */
function idAt(x, from, to) {
    const close = (0,json_scan/* string */.Yj)(scan_buf, x, scan_limit);
    if (close < 0 || json_scan/* cursor */.Dy.escapes)
        return false;
    from[n] = x + 1;
    to[n] = close;
    return true;
}
/** A whole number of microseconds at `x` (`null` is 0, as `Number(null)`), or NaN. */
function micros(x) {
    if (scan_buf[x] === 0x6e)
        return (0,json_scan/* literal */.eu)(scan_buf, x, scan_limit, 'null') ? 0 : NaN;
    return (0,json_scan/* wholeMicros */.d4)(scan_buf, x, scan_limit);
}
function scan_spanField(kf, kt, x) {
    const b = scan_buf;
    const end = scan_limit;
    const size = kt - kf;
    if (size === 7 && (0,json_scan.is)(b, kf, kt, scan_K.traceId))
        return idAt(x, scan_traceFrom, scan_traceTo);
    if (size === 2 && (0,json_scan.is)(b, kf, kt, scan_K.id))
        return idAt(x, idFrom, idTo);
    if (size === 8 && (0,json_scan.is)(b, kf, kt, scan_K.parentId)) {
        // null is no parent, as in the slow path.
        if (b[x] === 0x6e)
            return (0,json_scan/* literal */.eu)(b, x, end, 'null');
        return idAt(x, parentFrom, parentTo);
    }
    if (size === 4 && (0,json_scan.is)(b, kf, kt, scan_K.kind)) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0 || json_scan/* cursor */.Dy.escapes)
            return false;
        const k = KINDS.findIndex((want) => (0,json_scan.is)(b, x + 1, close, want));
        // Another kind would need its lower case made: the slow path.
        if (k < 0)
            return false;
        kindOf[n] = k;
        return true;
    }
    if (size === 4 && (0,json_scan.is)(b, kf, kt, scan_K.name)) {
        nameOf[n] = (0,json_scan/* internName */.Ew)(scan_out, b, x, end, vocabulary/* NONE */.x3);
        return nameOf[n] >= 0;
    }
    if (size === 9 && (0,json_scan.is)(b, kf, kt, scan_K.timestamp)) {
        if (b[x] === 0x6e)
            return false;
        startOf[n] = micros(x);
        return !Number.isNaN(startOf[n]);
    }
    if (size === 8 && (0,json_scan.is)(b, kf, kt, scan_K.duration)) {
        durationOf[n] = micros(x);
        return !Number.isNaN(durationOf[n]);
    }
    if (size === 13 && (0,json_scan.is)(b, kf, kt, scan_K.localEndpoint)) {
        serviceOf[n] = scan_out.internWord('unknown');
        if (b[x] === 0x6e)
            return (0,json_scan/* literal */.eu)(b, x, end, 'null');
        return (0,json_scan/* object */.Ik)(b, x, end, endpointField) >= 0;
    }
    if (size === 4 && (0,json_scan.is)(b, kf, kt, scan_K.tags)) {
        // A second object of tags would need JSON's last-wins; tags that are not an object are none, as in the slow path.
        if (++scan_tagLists > 1 || b[x] !== json_bytes/* OPEN */.vP)
            return false;
        return (0,json_scan/* object */.Ik)(b, x, end, scan_tag) >= 0;
    }
    return (0,json_scan/* value */.Uq)(b, x, end);
}
/** One span of the trace into scratch; false when the slow path must read the trace. */
function scan_span(v) {
    if (n + 1 >= scan_traceFrom.length)
        grow();
    scan_traceFrom[n] = idFrom[n] = parentFrom[n] = kindOf[n] = nameOf[n] = -1;
    serviceOf[n] = scan_out.internWord('unknown');
    startOf[n] = NaN;
    durationOf[n] = 0;
    tagsFrom[n] = scan_pairCount;
    scan_tagLists = 0;
    hasError = hasKindTag = false;
    statusValue = -1;
    if ((0,json_scan/* object */.Ik)(scan_buf, v, scan_limit, scan_spanField) < 0)
        return false;
    if (scan_traceFrom[n] < 0 || idFrom[n] < 0 || Number.isNaN(startOf[n]))
        return false;
    errorOf[n] = hasError || (statusValue >= 0 && statusValue === scan_out.internWord('ERROR')) ? 1 : 0;
    kindTagOf[n] = hasKindTag ? 1 : 0;
    n++;
    tagsFrom[n] = scan_pairCount;
    return true;
}
/** Traces of more spans go to the slow path (the shared ids are found by comparing pairs of spans). */
const MAX_SPANS = 256;
/** Lower-case hex of `width` digits: the text of an id as the table holds it, read as it is. */
function plainHex(b, from, to, width) {
    if (to - from !== width)
        return false;
    for (let k = from; k < to; k++) {
        const c = b[k];
        if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)))
            return false;
    }
    return true;
}
/**
 * Reads the trace (a list of spans) that starts at `b[from]` (and ends before `end`) into `builder`:
 * returns the position after it, or -1 when the slow path must read it (the caller then drops the
 * rows written since it began).
 */
function scanZipkinTrace(b, from, end, builder) {
    scan_out = builder;
    scan_buf = b;
    scan_limit = end;
    n = 0;
    scan_pairCount = 0;
    tagsFrom[0] = 0;
    const e = (0,json_scan/* list */.p_)(b, from, end, scan_span);
    if (e < 0)
        return -1;
    // Ids are compared by their digits (the table's span id numbers are provisional until it is
    // finished), so the trace's span ids must be Zipkin's 16 lower-case hex digits; a trace of more than
    // MAX_SPANS spans, whose pairs this compares one by one, is left to the slow path.
    if (n > MAX_SPANS)
        return -1;
    const trace = new Int32Array(n);
    const id = new Int32Array(n);
    const parent = new Int32Array(n);
    for (let s = 0; s < n; s++) {
        if (!plainHex(b, idFrom[s], idTo[s], 16))
            return -1;
        if (parentFrom[s] >= 0 && !plainHex(b, parentFrom[s], parentTo[s], 16))
            return -1;
        trace[s] = scan_out.idOfBytes(b, scan_traceFrom[s], scan_traceTo[s], true);
        id[s] = scan_out.idOfBytes(b, idFrom[s], idTo[s], false);
        parent[s] = parentFrom[s] < 0 ? -1 : scan_out.idOfBytes(b, parentFrom[s], parentTo[s], false);
        if (trace[s] < 0 || id[s] < 0 || parent[s] === -2)
            return -1;
    }
    /** The span of this trace, other than a server (`server` false) or the last server (true), whose id is the bytes at `from`; -1 if none. */
    const holder = (t, from, isServer) => {
        let found = -1;
        for (let o = 0; o < n; o++)
            if (trace[o] === t &&
                (kindOf[o] === SERVER) === isServer &&
                (0,json_scan/* sameBytes */.er)(b, idFrom[o], idFrom[o] + 16, from, from + 16)) {
                found = o;
                if (!isServer)
                    break;
            }
        return found;
    };
    const spanKind = scan_out.tagColumn('span.kind');
    const kindValues = ['client', 'server', 'producer', 'consumer'].map((k) => scan_out.intern(k));
    for (let s = 0; s < n; s++) {
        let spanId = id[s];
        let parentId = parent[s];
        const shares = kindOf[s] === SERVER && holder(trace[s], idFrom[s], false) >= 0;
        let underShared = false;
        if (!shares && parentId >= 0 && holder(trace[s], parentFrom[s], false) >= 0) {
            const server = holder(trace[s], parentFrom[s], true);
            underShared = server >= 0 && serviceOf[server] === serviceOf[s];
        }
        if (shares || underShared) {
            // The shared server span's own id, derived from the texts of the trace id and the shared id.
            const sharedFrom = shares ? idFrom[s] : parentFrom[s];
            const sharedTo = shares ? idTo[s] : parentTo[s];
            if (!plainHex(b, scan_traceFrom[s], scan_traceTo[s], 32) || !plainHex(b, sharedFrom, sharedTo, 16))
                return -1;
            const derived = Buffer.from((0,zipkin_json/* sharedServerId */.EW)((0,dictionary/* utf8 */.A)(b, scan_traceFrom[s], scan_traceTo[s]), (0,dictionary/* utf8 */.A)(b, sharedFrom, sharedTo)));
            const derivedId = scan_out.spanIdBytes(derived, 0, derived.length);
            if (shares) {
                parentId = spanId;
                spanId = derivedId;
            }
            else
                parentId = derivedId;
        }
        // A span that names itself as its parent has none (a shared span's derived id is never its parent's).
        const own = parentFrom[s] >= 0 &&
            !shares &&
            !underShared &&
            (0,json_scan/* sameBytes */.er)(b, idFrom[s], idFrom[s] + 16, parentFrom[s], parentFrom[s] + 16);
        scan_out.rowOf(trace[s], spanId, own ? -1 : parentId, serviceOf[s], nameOf[s] < 0 ? scan_out.internWord(vocabulary/* NONE */.x3) : nameOf[s], startOf[s], Math.max(0, durationOf[s]), errorOf[s] === 1);
        for (let k = tagsFrom[s]; k < tagsFrom[s + 1]; k++)
            scan_out.tag(scan_pairs[2 * k], scan_pairs[2 * k + 1]);
        if (kindOf[s] >= 0 && kindTagOf[s] === 0)
            scan_out.tag(spanKind, kindValues[kindOf[s]]);
    }
    return e;
}

// EXTERNAL MODULE: ./src/sources/otlp/read.ts + 2 modules
var read = __webpack_require__(44767);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
// EXTERNAL MODULE: ./src/sources/files/detect.ts
var detect = __webpack_require__(75879);
;// CONCATENATED MODULE: ./src/sources/files/read.ts














/** The whole text of a file, gunzipped when it is gzip. */
async function wholeText(file, gzip) {
    const raw = (0,external_node_fs_.createReadStream)(file);
    const stream = gzip ? raw.pipe((0,external_node_zlib_.createGunzip)()) : raw;
    const chunks = [];
    try {
        for await (const chunk of stream)
            chunks.push(chunk);
    }
    catch (error) {
        throw new errors/* SourceError */.c8(`${file}: cannot be read (${error.message})`, 'check that the file is whole (a gzip file cut short cannot be read)');
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** JSON.parse with the mistake's line and column, for the formats read whole. */
function parseJson(text, file, label, fix) {
    const body = text.replace(/^\uFEFF/, '');
    try {
        return JSON.parse(body);
    }
    catch (error) {
        const message = error.message;
        const before = text.slice(0, (0,json_position/* mistakeOffset */.Q)(body, message) + text.length - body.length).split('\n');
        const where = `${file}:${before.length}:${before[before.length - 1].length + 1}`;
        throw new errors/* SourceError */.c8(`${where}: read as ${label}, but it is not valid JSON (${message})`, fix);
    }
}
/**
 * Reads the elements of the list a file holds (at the top, or at `within` of the object at the top)
 * one at a time: each element is parsed by itself, so neither the file's text nor an object per span
 * of the whole file is ever in memory (a 600 MB export is more than one JavaScript string can hold).
 * A mistake names the file, line and column.
 */
async function readElements(file, detection, fix, within, read, fast = () => -1) {
    const notJson = async (offset, what, shape = false) => {
        const { line, column } = await (0,json_array/* lineAt */.mh)(file, offset);
        const problem = shape ? what : `it is not valid JSON (${what})`;
        return new errors/* SourceError */.c8(`${file}:${line}:${column}: read as ${detection.label}, but ${problem}`, fix);
    };
    try {
        return await (0,json_array/* readJsonArray */.s5)(file, {
            fast,
            slow: async (b, from, to, index, offset) => {
                const text = b.toString('utf8', from, to);
                let item;
                try {
                    item = JSON.parse(text);
                }
                catch (error) {
                    const message = (0,src_text/* printable */.g$)(error.message);
                    const at = (0,json_position/* mistakeOffset */.Q)(text, message);
                    // The mistake's offset in bytes from the element's start, for the line and column in the file.
                    throw await notJson(offset + Buffer.byteLength(text.slice(0, at)), message);
                }
                read(item, index);
            },
        }, within);
    }
    catch (error) {
        if (error instanceof json_array/* ArrayStructureError */.N5)
            throw await notJson(error.offset, error.what, error.shape);
        throw error;
    }
}
/**
 * A list element (a trace) read from its bytes where a scanner takes it (jaeger/scan.ts,
 * zipkin/scan.ts): the rows of one it declines are dropped, and the element goes to JSON.parse.
 */
function bytePath(scan, sink) {
    return (b, from, limit) => {
        const mark = sink.size;
        const end = scan(b, from, limit, sink);
        if (end < 0)
            sink.truncate(mark);
        return end;
    };
}
/** Whether the document is an object (not a list): by its first byte that is not blank. */
async function isObjectDocument(file) {
    return (await (0,dataset_open/* contentHead */.aU)(file, 4096))
        .replace(/^\uFEFF/, '')
        .trimStart()
        .startsWith('{');
}
/**
 * Jaeger JSON: the answer's `data` or a list, an element (a trace) at a time; one trace alone is
 * small enough to read whole.
 */
async function readJaegerFile(file, detection, sink) {
    const where = `${file} (${detection.label})`;
    const fast = bytePath(scanJaegerTrace, sink);
    if (!(await isObjectDocument(file))) {
        const item = (element, i) => (0,json/* readJaegerElement */.NW)(element, where, i, false, sink);
        await readElements(file, detection, json/* JAEGER_FIX */.pX, undefined, item, fast);
        return;
    }
    const list = (item, i) => (0,json/* readJaegerElement */.NW)(item, where, i, true, sink);
    if (await readElements(file, detection, json/* JAEGER_FIX */.pX, 'data', list, fast))
        return;
    // An object without `data`: one trace.
    const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, json/* JAEGER_FIX */.pX);
    (0,json/* readJaegerJson */.PZ)(doc, where, sink);
}
/**
 * Zipkin v2 JSON: a list of traces is read a trace at a time; the spans of a flat list are kept until
 * its end, since a client and a server span that share an id are matched within their trace, and a
 * flat list may hold a trace's spans anywhere. One span alone is read whole.
 */
async function readZipkinFile(file, detection, sink) {
    const where = `${file} (${detection.label})`;
    if (await isObjectDocument(file)) {
        const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, zipkin_json/* ZIPKIN_FIX */.Q8);
        return (0,zipkin_json/* readZipkinJson */.qG)(doc, where, sink);
    }
    const fast = bytePath(scanZipkinTrace, sink);
    const loose = [];
    // A list of traces (lists of spans) is read a trace at a time; loose spans together at the end.
    await readElements(file, detection, zipkin_json/* ZIPKIN_FIX */.Q8, undefined, (item, i) => {
        const spans = [...(0,zipkin_json/* elementSpans */.w3)(item, i, where)];
        if (Array.isArray(item))
            (0,zipkin_json/* readZipkinSpans */.$4)(spans, where, sink);
        else
            loose.push(...spans);
    }, fast);
    (0,zipkin_json/* readZipkinSpans */.$4)(loose, where, sink);
}
/** A file in no known format: one line saying what it looks like and what is read. */
function unknownFormat(file, detection) {
    return new errors/* SourceError */.c8(`${file}: not a trace file trace-differ reads: ${detection.looksLike}. Read are: ${detect/* FORMATS_READ */.au}`, 'export the traces in one of those formats');
}
/**
 * Reads the spans of one trace file (any format but trace-differ's own datasets, which carry their
 * provenance and are loaded whole) into the sink. Returns the format recognised. With a range, only
 * those bytes, of OTLP JSON Lines or NDJSON (a part of a file read beside another: spans.ts).
 */
async function readTraceFile(file, sink, range) {
    const detection = await (0,detect/* detectFormat */.Tz)(file);
    if (range && detection.format !== 'otlp' && detection.format !== 'seed')
        throw new Error(`${file}: only OTLP JSON Lines and NDJSON are read in parts`);
    switch (detection.format) {
        case 'unknown':
            throw unknownFormat(file, detection);
        case 'dataset':
            throw new errors/* SourceError */.c8(`${file}: a trace-differ dataset cannot be mixed with other trace files`, 'pass the dataset file on its own');
        case 'otlp':
            await (0,read/* readOtlpFile */.O2)(file, sink, range);
            return 'otlp';
        case 'jaeger':
            await readJaegerFile(file, detection, sink);
            return 'jaeger';
        case 'zipkin':
            await readZipkinFile(file, detection, sink);
            return 'zipkin';
        case 'seed':
            // The seed's reader streams and checks its own shape, straight into the one builder.
            await (0,seed_spans/* readSeedInto */.go)(file, sink, range);
            return 'seed';
    }
}


/***/ }),

/***/ 64945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readSpanFiles: () => (/* binding */ readSpanFiles),
  RK: () => (/* binding */ traceFiles)
});

// UNUSED EXPORTS: DATASET_FIX, readSpanFileInto, splitPoint

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/filter.ts
var filter = __webpack_require__(80770);
// EXTERNAL MODULE: ./src/dataset/assemble.ts
var assemble = __webpack_require__(72294);
// EXTERNAL MODULE: ./src/dataset/file.ts + 3 modules
var file = __webpack_require__(1381);
// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var table = __webpack_require__(20040);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/sources/paths.ts



/**
 * Files a configuration names, as the action reads them: in a workspace that may hold a pull
 * request's checkout, next to the runner's own files and the checkout's credentials (`.git/config`).
 * Returns a check for each file the path led to: its real path (symlinks followed) must lie inside
 * the real `basePath` and outside its `.git` folder. `../`, absolute paths elsewhere and symlinks that
 * lead out are refused, naming the configuration key, the path and where it led.
 */
async function insideWorkspace(basePath, given, configKey) {
    const base = await (0,promises_.realpath)(basePath);
    return async (file) => {
        const real = await (0,promises_.realpath)(file);
        const rel = (0,external_node_path_.relative)(base, real);
        const outside = rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel);
        if (outside || rel.split(external_node_path_.sep).includes('.git')) {
            throw new errors/* SourceError */.c8(`${configKey} ${JSON.stringify(given)} reaches ${real}, ${outside ? 'outside the workspace' : "inside the workspace's .git folder"} ${base}`, "keep the files in the repository's workspace (a path relative to it, without symlinks that lead out of it); " +
                'a workflow that needs a file from elsewhere copies it into the workspace first');
        }
        return file;
    };
}

// EXTERNAL MODULE: ./src/sources/files/read.ts + 2 modules
var read = __webpack_require__(71807);
// EXTERNAL MODULE: ./src/sources/files/worker.ts
var worker = __webpack_require__(89450);
// EXTERNAL MODULE: ./src/sources/files/detect.ts
var detect = __webpack_require__(75879);
// EXTERNAL MODULE: ./src/dataset/open.ts
var dataset_open = __webpack_require__(73138);
;// CONCATENATED MODULE: ./src/sources/files/spans.ts












const TRACE_FILE = /\.(json|jsonl|ndjson|tdds)(\.gz)?$/;
/**
 * The trace files a path names: a file, a folder (read recursively: every .json, .jsonl, .ndjson and
 * .tdds file, optionally .gz), or a glob; sorted, so the result never depends on listing order. With
 * `confine`, every file must resolve (symlinks followed) inside `basePath` and outside its `.git`
 * folder: the action reads paths from a configuration a pull request may have written, in a
 * workspace that may hold the checkout's credentials (`.git/config`) and next to the runner's own files.
 */
async function traceFiles(path, basePath = process.cwd(), confine = false) {
    const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(basePath, path);
    const check = confine
        ? await insideWorkspace(basePath, path, 'source.otlp.path')
        : (file) => Promise.resolve(file);
    const info = await (0,promises_.stat)(full).catch(() => undefined);
    if (info?.isFile())
        return [await check(full)];
    if (info?.isDirectory()) {
        await check(full);
        const entries = await (0,promises_.readdir)(full, { recursive: true, withFileTypes: true });
        const files = entries
            .filter((e) => e.isFile() && TRACE_FILE.test(e.name))
            .map((e) => (0,external_node_path_.join)(e.parentPath, e.name))
            .sort();
        return Promise.all(files.map(check));
    }
    const matches = [];
    for await (const m of (0,promises_.glob)(path, { cwd: basePath }))
        matches.push((0,external_node_path_.isAbsolute)(m) ? m : (0,external_node_path_.resolve)(basePath, m));
    if (matches.length === 0) {
        throw new errors/* SourceError */.c8(`no OTLP files at ${path}`, 'point source.otlp.path at a file, a folder or a glob of OTLP JSON exports (e.g. traces/*.jsonl)');
    }
    return Promise.all(matches.sort().map(check));
}
/** Reads one file of any accepted format into a builder: a dataset's table, or any trace file (see readTraceFile). */
async function readSpanFileInto(path, out, range) {
    if (await (0,file/* isDatasetFile */.Fm)(path)) {
        const loaded = await (0,file/* readDatasetFile */.DN)(path);
        if (!loaded.ok)
            throw new errors/* InputError */.dz(loaded.problem, DATASET_FIX);
        out.addTable(loaded.dataset.table);
        return 'dataset';
    }
    return (0,read/* readTraceFile */.m)(path, out, range);
}
/**
 * About how many spans the files hold, from their size (span JSON of every format takes ~250 bytes
 * or more a span; gzip and datasets are counted at the size on disk, so they are underestimated):
 * the builder starts at that size instead of doubling its way up, which would copy every column
 * and leave up to twice the memory a side needs.
 */
async function expectedSpans(paths, range) {
    let bytes = range ? range.end - range.start : 0;
    if (!range)
        for (const path of paths)
            bytes += (await (0,promises_.stat)(path).catch(() => ({ size: 0 }))).size;
    return Math.min(Math.ceil(bytes / 250), 1 << 26);
}
/**
 * The spans of any number of files, each in any accepted format (a trace-differ dataset, OTLP JSON
 * or JSON Lines, Jaeger, Zipkin, the seed's span JSON or NDJSON; gzipped or not), as one dataset:
 * every file writes into one builder, so spans split over files and formats give the dataset one
 * file would. A single dataset file is returned as stored (its provenance and coverage kept).
 * While one large input is being read here, another is read in a worker thread (see worker.ts), so
 * that the two sides of a diff are read at once on two cores; the dataset is the same either way.
 */
async function readSpanFiles(paths, options) {
    // A single dataset file is returned as stored: read whole (below), in a worker or here.
    const stored = paths.length === 1 && !options.filter && (await (0,file/* isDatasetFile */.Fm)(paths[0]));
    if (!stored && options.parallel && !options.inThread && paths.length === 1 && (0,worker.workersAvailable)()) {
        const split = await splitPoint(paths[0], options.partsFromBytes);
        if (split) {
            try {
                return await readInParts(paths[0], split, options);
            }
            catch {
                // Whatever went wrong (a mistake in the file included) is found and named again by the whole read.
            }
        }
    }
    // A large read goes to a worker only while this thread is busy with another: the two sides of a
    // diff then take a core each, and a single read (convert, one collection) pays for no worker.
    const large = !options.inThread && (await (0,worker.worthAWorker)(paths, stored ? worker.DATASET_WEIGHT : 1));
    if (large && mainThreadReading) {
        try {
            return await (0,worker.readInWorker)(paths, options);
        }
        catch (error) {
            // A mistake in the input is the answer; a worker that could not start or stopped is not: read here.
            if (error instanceof errors/* UserError */.yo)
                throw error;
        }
    }
    const claimed = large && !mainThreadReading;
    if (claimed)
        mainThreadReading = true;
    try {
        return await readHere(paths, options, stored);
    }
    finally {
        if (claimed)
            mainThreadReading = false;
    }
}
/** What to do about a dataset file that cannot be read. */
const DATASET_FIX = 'pass a dataset written by trace-differ, or a trace file';
/** Whether this thread is reading a large input now (see readSpanFiles). */
let mainThreadReading = false;
async function readHere(paths, options, stored) {
    if (stored) {
        const loaded = await (0,file/* readDatasetFile */.DN)(paths[0]);
        if (!loaded.ok)
            throw new errors/* InputError */.dz(loaded.problem, DATASET_FIX);
        return loaded.dataset;
    }
    const builder = new table/* SpanTableBuilder */.Sd(await expectedSpans(paths, options.range));
    const formats = new Set();
    for (const path of paths)
        formats.add(await readSpanFileInto(path, builder, options.range));
    return assembled(builder, formats, paths, options);
}
/** Below this size a file is read in one part: a worker costs ~50 ms to start, and the parts must be joined. */
const PARTS_FROM_BYTES = 64 << 20;
/**
 * Where a file of one JSON document per line (OTLP JSON Lines, the seed's NDJSON; not gzip) can be
 * cut in two: the start of the first line after 58 % of it. Undefined for any other file.
 */
async function splitPoint(path, fromBytes = PARTS_FROM_BYTES) {
    const { size } = await (0,promises_.stat)(path);
    if (size < fromBytes)
        return undefined;
    const detection = await (0,detect/* detectFormat */.Tz)(path);
    if (detection.gzip || (detection.format !== 'otlp' && detection.format !== 'seed'))
        return undefined;
    const head = await (0,dataset_open/* headBytes */.c4)(path, 1 << 16);
    // JSON Lines: the file and its second line start a document; a pretty-printed document's inner lines
    // are indented. (A cut that still falls inside a document makes a part fail, and the file is read whole.)
    const firstLine = head.indexOf(0x0a);
    if (head[0] !== 0x7b || (firstLine >= 0 && firstLine + 1 < head.length && head[firstLine + 1] !== 0x7b))
        return undefined;
    // Past the middle: the worker starts later (it loads the program) and orders its part before sending
    // it, so a smaller part makes both finish together (measured: 2.6 s → 2.45 s for a 299 MiB file).
    const window = await (0,dataset_open/* bytesAt */.L1)(path, Math.floor(size * 0.58), 1 << 20);
    const cut = window.bytes.indexOf('\n{');
    return cut < 0 ? undefined : window.offset + cut + 1;
}
/**
 * One file read in two parts at once: the second in a worker thread, the first here, then joined and
 * assembled as one (deduplicated, ordered and filtered as a whole: a trace may lie in both parts).
 */
async function readInParts(path, split, options) {
    const { filter: _filter, groupBy: _groupBy, ...unfiltered } = options;
    const end = (await (0,promises_.stat)(path)).size;
    const second = (0,worker.readInWorker)([path], { ...unfiltered, parallel: false, range: { start: split, end } });
    // Its failure is answered below, after this part is read: never an unhandled rejection meanwhile.
    second.catch(() => undefined);
    const builder = new table/* SpanTableBuilder */.Sd(await expectedSpans([path]));
    const format = await readSpanFileInto(path, builder, { start: 0, end: split });
    builder.addTable((await second).table);
    return assembled(builder, new Set([format]), [path], options);
}
/** The dataset of what a builder holds (see readHere). */
function assembled(builder, formats, paths, options) {
    const origin = options.origin ?? paths.join(', ');
    return (0,assemble/* assembleDataset */.L)(builder, {
        provenance: {
            // Sources of OTLP files stay 'otlp' as they always were; any other mix is a file source.
            source: [...formats].every((f) => f === 'otlp') ? 'otlp' : 'file',
            queryId: options.queryId,
            ...(options.queryName ? { queryName: options.queryName } : {}),
            query: options.query ?? options.filter ?? origin,
            origin,
            collectedAt: new Date().toISOString(),
        },
        keep: (0,filter/* parseFilter */.aN)(options.filter ?? ''),
    });
}


/***/ }),

/***/ 62059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NW: () => (/* binding */ readJaegerElement),
/* harmony export */   PZ: () => (/* binding */ readJaegerJson),
/* harmony export */   pX: () => (/* binding */ JAEGER_FIX)
/* harmony export */ });
/* unused harmony export isErrorTags */
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47819);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16546);



const JAEGER_FIX = 'write Jaeger JSON as the query service answers /api/traces and the UI downloads it: {"data":[{"traceID","spans":[…],"processes":{…}}]}';
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A tag value as a stable string: int64 may be a string (past 2^53) or a number; binary stays base64. */
function tagValue(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value ?? null);
}
function tagsOf(list, where, path) {
    if (list === undefined || list === null)
        return {};
    if (!Array.isArray(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path} is not a list of {key, type, value}`, JAEGER_FIX);
    const out = {};
    for (const tag of list) {
        if (isObject(tag) && typeof tag.key === 'string' && tag.key)
            out[tag.key] = tagValue(tag.value);
    }
    return out;
}
/** Jaeger marks an error span with the tag error=true; the OpenTelemetry translation adds otel.status_code=ERROR. */
function isErrorTags(tags) {
    return tags.error === 'true' || tags['otel.status_code'] === 'ERROR';
}
/** The parent within the span's own trace: a CHILD_OF reference first, then any reference, then the old parentSpanID. */
function parentOf(span, traceId) {
    const refs = Array.isArray(span.references) ? span.references.filter(isObject) : [];
    const sameTrace = refs.filter((r) => r.traceID === undefined || (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .traceIdOf */ .aB)(r.traceID) === traceId);
    const ref = sameTrace.find((r) => r.refType === 'CHILD_OF') ?? sameTrace[0];
    return (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .spanIdOf */ .DR)(ref?.spanID) ?? (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .spanIdOf */ .DR)(span.parentSpanID);
}
function emitSpan(raw, processes, where, path, traceHint, sink) {
    if (!isObject(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path} is not a span object`, JAEGER_FIX);
    const s = raw;
    const traceId = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .traceIdOf */ .aB)(s.traceID ?? traceHint);
    const spanId = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .spanIdOf */ .DR)(s.spanID);
    if (!traceId || !spanId)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path} has no traceID or spanID`, JAEGER_FIX);
    const start = Number(s.startTime);
    const duration = Number(s.duration ?? 0);
    if (!Number.isFinite(start) || !Number.isFinite(duration)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path} has no startTime and duration in microseconds`, JAEGER_FIX);
    }
    const process = isObject(s.process)
        ? s.process
        : typeof s.processID === 'string' && isObject(processes[s.processID])
            ? processes[s.processID]
            : undefined;
    const processTags = tagsOf(process?.tags, where, `${path}.process.tags`);
    const spanTags = tagsOf(s.tags, where, `${path}.tags`);
    const tags = { ...processTags, ...spanTags };
    const span = {
        traceId,
        spanId,
        service: typeof process?.serviceName === 'string' && process.serviceName ? process.serviceName : 'unknown_service',
        operation: typeof s.operationName === 'string' && s.operationName ? s.operationName : _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .NONE */ .x3,
        startUs: Math.round(start),
        durationUs: Math.max(0, Math.round(duration)),
        error: isErrorTags(spanTags),
        tags,
    };
    const parent = parentOf(s, traceId);
    if (parent && parent !== spanId)
        span.parentSpanId = parent;
    if (typeof processTags.hostname === 'string')
        span.host = processTags.hostname;
    sink.add(span);
}
function emitTrace(raw, where, path, sink) {
    if (!isObject(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path} is not a trace object`, JAEGER_FIX);
    const trace = raw;
    if (!Array.isArray(trace.spans))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: ${path}.spans is not a list`, JAEGER_FIX);
    const processes = isObject(trace.processes) ? trace.processes : {};
    trace.spans.forEach((s, i) => emitSpan(s, processes, where, `${path}.spans[${i}]`, trace.traceID, sink));
}
/** Reads any of the Jaeger JSON shapes above from a parsed document. `where` names it in errors. */
function readJaegerJson(doc, where, sink) {
    if (isObject(doc) && 'data' in doc) {
        if (!Array.isArray(doc.data))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: data is not a list of traces`, JAEGER_FIX);
        doc.data.forEach((t, i) => readJaegerElement(t, where, i, true, sink));
        return;
    }
    if (isObject(doc))
        return emitTrace(doc, where, '(the trace)', sink);
    if (Array.isArray(doc)) {
        doc.forEach((item, i) => readJaegerElement(item, where, i, false, sink));
        return;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(`${where}: not Jaeger JSON (expected an object or a list)`, JAEGER_FIX);
}
/**
 * One element of a Jaeger list, the `index`-th: a trace of the answer's `data` (`inData`), or, in a
 * list at the top, a trace or a span with its process inline. Each is whole by itself, so a file is
 * read an element at a time (sources/files/read.ts).
 */
function readJaegerElement(item, where, index, inData, sink) {
    if (inData)
        return emitTrace(item, where, `data[${index}]`, sink);
    if (isObject(item) && Array.isArray(item.spans))
        emitTrace(item, where, `[${index}]`, sink);
    else
        emitSpan(item, {}, where, `[${index}]`, undefined, sink);
}


/***/ }),

/***/ 44767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O2: () => (/* binding */ readOtlpFile),
  i4: () => (/* binding */ resourceSpansInto)
});

// UNUSED EXPORTS: isOtlpFile

// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
// EXTERNAL MODULE: ./src/dataset/json-array.ts
var json_array = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/dataset/json-position.ts
var json_position = __webpack_require__(46018);
// EXTERNAL MODULE: ./src/dataset/open.ts
var dataset_open = __webpack_require__(73138);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
// EXTERNAL MODULE: ./src/dataset/ids.ts
var ids = __webpack_require__(16546);
// EXTERNAL MODULE: ./src/dataset/dictionary.ts
var dictionary = __webpack_require__(4918);
// EXTERNAL MODULE: ./src/dataset/json-bytes.ts
var json_bytes = __webpack_require__(52618);
// EXTERNAL MODULE: ./src/dataset/json-scan.ts
var json_scan = __webpack_require__(54568);
;// CONCATENATED MODULE: ./src/sources/otlp/scan.ts




/**
 * The fast path of the OTLP reader: one element of `resourceSpans` read straight from its bytes
 * into the builder, picking out the fields the table keeps and checking (not keeping) the rest,
 * with no object per span. It takes the shapes exporters write (hex ids, times as strings of
 * nanoseconds, string/int/bool attribute values); on anything else — or a mistake — it answers
 * -1, the caller drops the rows it wrote (`truncate`) and the element goes through JSON.parse
 * and `resourceSpansInto`, which read every valid element and name every mistake's place. So
 * both paths give the same rows, and messages are made in one place.
 */
const bytes = json_scan/* keyBytes */.Rt;
const K = {
    resource: bytes('resource'),
    attributes: bytes('attributes'),
    scopeSpans: bytes('scopeSpans'),
    ils: bytes('instrumentationLibrarySpans'),
    spans: bytes('spans'),
    traceId: bytes('traceId'),
    spanId: bytes('spanId'),
    parentSpanId: bytes('parentSpanId'),
    name: bytes('name'),
    start: bytes('startTimeUnixNano'),
    end: bytes('endTimeUnixNano'),
    status: bytes('status'),
    code: bytes('code'),
    key: bytes('key'),
    value: bytes('value'),
    stringValue: bytes('stringValue'),
    intValue: bytes('intValue'),
    boolValue: bytes('boolValue'),
    serviceName: bytes('service.name'),
    statusError: bytes('STATUS_CODE_ERROR'),
};
/** The reading state: the builder and scratch (the position after what was read last is `cursor.at`). */
let out;
/** Attribute pairs [column, value] of the span being read (resource pairs live in their own array). */
let pairs = new Int32Array(64);
let pairCount = 0;
let resourcePairs = new Int32Array(64);
let resourcePairCount = 0;
let service = -1;
// The attribute being read (module state, as for spans).
let kvResource = false;
let kvCount = 0;
let keyFrom = -1;
let keyTo = -1;
let keyEscapes = false;
let valueIndex = -2;
let kinds = 0;
/** A member of an AnyValue: only string, whole-number and boolean values are read here (rendered as values.ts renders them). */
function anyValueField(vf, vt, y) {
    const b = buf;
    const end = limit;
    kinds++;
    if ((0,json_scan.is)(b, vf, vt, K.stringValue) || ((0,json_scan.is)(b, vf, vt, K.intValue) && b[y] === json_bytes/* QUOTE */.jA)) {
        valueIndex = (0,json_scan/* internString */.QL)(out, b, y, end);
        return valueIndex >= 0;
    }
    if ((0,json_scan.is)(b, vf, vt, K.intValue)) {
        // A whole number written as JSON renders as its own digits (no sign of zero, no leading zeros, exact).
        const n = (0,json_scan/* number */.ai)(b, y, end);
        if (n < 0 || n - y > 15 || (b[y] === 0x2d && b[y + 1] === 0x30))
            return false;
        for (let k = y; k < n; k++)
            if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45)
                return false;
        valueIndex = out.internBytes(b, y, n);
        return true;
    }
    if ((0,json_scan.is)(b, vf, vt, K.boolValue)) {
        if ((0,json_scan/* literal */.eu)(b, y, end, 'true'))
            valueIndex = out.internWord('true');
        else if ((0,json_scan/* literal */.eu)(b, y, end, 'false'))
            valueIndex = out.internWord('false');
        else
            return false;
        return true;
    }
    return false;
}
function keyValueField(kf, kt, x) {
    const b = buf;
    const end = limit;
    if ((0,json_scan.is)(b, kf, kt, K.key)) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0)
            return false;
        keyFrom = x + 1;
        keyTo = close;
        keyEscapes = json_scan/* cursor */.Dy.escapes;
        return true;
    }
    if ((0,json_scan.is)(b, kf, kt, K.value)) {
        kinds = 0;
        // A value of two kinds is left to the slow path's precedence; an empty one renders as null.
        if ((0,json_scan/* object */.Ik)(b, x, end, anyValueField) < 0 || kinds > 1)
            return false;
        if (kinds === 0)
            valueIndex = out.internWord('null');
        return true;
    }
    return (0,json_scan/* value */.Uq)(b, x, end);
}
/** An attribute written compactly with a string value: `{"key":"…","value":{"stringValue":"…"}}`. */
const PLAIN_KEY_VALUE = ['{"key":"', '","value":{"stringValue":"', '"}}'].map(json_scan/* keyBytes */.Rt);
const found = new Int32Array(4);
/**
 * An attribute of the shape nearly every one has (compact, key then a string value, neither with
 * escapes) read by comparing its bytes, without walking its two objects: as `object(…,
 * keyValueField)` would read it. False (nothing read) for any other shape.
 */
function plainKeyValue(b, v, end) {
    if ((0,json_scan/* template */.vs)(b, v, end, PLAIN_KEY_VALUE, found) < 0)
        return false;
    keyFrom = found[0];
    keyTo = found[1];
    keyEscapes = false;
    valueIndex = out.internBytes(b, found[2], found[3]);
    return true;
}
function keyValue(v) {
    const b = buf;
    keyFrom = -1;
    valueIndex = -2;
    if (!plainKeyValue(b, v, limit) && (0,json_scan/* object */.Ik)(b, v, limit, keyValueField) < 0)
        return false;
    // An attribute without a key (or with an empty one) is no tag, as in values.ts.
    if (keyFrom < 0 || keyTo === keyFrom)
        return true;
    if (valueIndex === -2)
        valueIndex = out.internWord('null');
    let column;
    if (keyEscapes)
        column = out.tagColumn(JSON.parse((0,dictionary/* utf8 */.A)(b, keyFrom - 1, keyTo + 1)));
    else
        column = out.tagColumnBytes(b, keyFrom, keyTo);
    if (kvResource && (keyEscapes ? out.tagColumn('service.name') === column : (0,json_scan.is)(b, keyFrom, keyTo, K.serviceName)))
        service = valueIndex;
    let into = kvResource ? resourcePairs : pairs;
    if (2 * kvCount + 2 > into.length) {
        const bigger = new Int32Array(into.length * 2);
        bigger.set(into);
        into = bigger;
        if (kvResource)
            resourcePairs = bigger;
        else
            pairs = bigger;
    }
    into[2 * kvCount] = column;
    into[2 * kvCount + 1] = valueIndex;
    kvCount++;
    return true;
}
/** The attributes at `i` ([{key, value}]) as pairs [column, value index] (the resource's or the span's); the end, or -1. */
function keyValues(b, i, end, resource) {
    kvResource = resource;
    kvCount = 0;
    const e = (0,json_scan/* list */.p_)(b, i, end, keyValue);
    if (e < 0)
        return -1;
    if (resource)
        resourcePairCount = kvCount;
    else
        pairCount = kvCount;
    return e;
}
/** Nanoseconds as a string of digits → whole microseconds, when a double holds them exactly; NaN otherwise. */
function micros(b, i, end) {
    if (b[i] !== json_bytes/* QUOTE */.jA)
        return NaN;
    // One pass over the digits (a string of only digits has no escapes): the last three wait in d1–d3
    // and each joins v three digits later, so v ends as the digits but the last three (nanoseconds).
    let v = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let k = i + 1;
    for (; k < end; k++) {
        const d = b[k] - 0x30;
        if (d < 0 || d > 9)
            break;
        v = v * 10 + d1;
        d1 = d2;
        d2 = d3;
        d3 = d;
    }
    const digits = k - i - 1;
    if (k >= end || b[k] !== json_bytes/* QUOTE */.jA || digits < 1 || digits > 20)
        return NaN;
    json_scan/* cursor */.Dy.at = k + 1;
    json_scan/* cursor */.Dy.escapes = false;
    return v <= Number.MAX_SAFE_INTEGER ? v : NaN;
}
/** An id at `i`: [from, to) of its text when the fast path takes it, else false. Sets idFrom/idTo. */
let idFrom = 0;
let idTo = 0;
function idAt(b, i, end) {
    const close = (0,json_scan/* string */.Yj)(b, i, end);
    if (close < 0 || json_scan/* cursor */.Dy.escapes)
        return false;
    idFrom = i + 1;
    idTo = close;
    return true;
}
/** The index of the id in b[from, to), as the slow path would make it, or -1 when the slow path must decide (no id, blanks). */
function idIndex(b, from, to, trace) {
    const index = out.idOfBytes(b, from, to, trace);
    return index < 0 ? -1 : index;
}
// The span being read (module state rather than a closure per span: a million closures cost more than the scan).
let buf = new Uint8Array(0);
let limit = 0;
let traceFrom = -1;
let traceTo = 0;
let spanFrom = -1;
let spanTo = 0;
let parentFrom = -1;
let parentTo = 0;
let scan_name = -1;
let start = NaN;
let finish = NaN;
let error = false;
function statusField(sf, st, x) {
    const b = buf;
    const end = limit;
    if (!(0,json_scan.is)(b, sf, st, K.code))
        return (0,json_scan/* value */.Uq)(b, x, end);
    if (b[x] === json_bytes/* QUOTE */.jA) {
        const close = (0,json_scan/* string */.Yj)(b, x, end);
        if (close < 0)
            return false;
        error = (0,json_scan.is)(b, x + 1, close, K.statusError);
        return true;
    }
    const n = (0,json_scan/* number */.ai)(b, x, end);
    if (n < 0)
        return false;
    for (let k = x; k < n; k++)
        if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45)
            return false;
    error = n === x + 1 && b[x] === 0x32;
    return true;
}
function spanField(kf, kt, v) {
    const b = buf;
    const end = limit;
    const n = kt - kf;
    if (n === 7 && (0,json_scan.is)(b, kf, kt, K.traceId)) {
        if (!idAt(b, v, end))
            return false;
        traceFrom = idFrom;
        traceTo = idTo;
    }
    else if (n === 6 && (0,json_scan.is)(b, kf, kt, K.spanId)) {
        if (!idAt(b, v, end))
            return false;
        spanFrom = idFrom;
        spanTo = idTo;
    }
    else if (n === 12 && (0,json_scan.is)(b, kf, kt, K.parentSpanId)) {
        if (!idAt(b, v, end))
            return false;
        parentFrom = idFrom;
        parentTo = idTo;
    }
    else if (n === 4 && (0,json_scan.is)(b, kf, kt, K.name)) {
        scan_name = (0,json_scan/* internName */.Ew)(out, b, v, end, vocabulary/* NONE */.x3);
        if (scan_name < 0)
            return false;
    }
    else if (n === 17 && (0,json_scan.is)(b, kf, kt, K.start)) {
        start = micros(b, v, end);
        if (Number.isNaN(start))
            return false;
    }
    else if (n === 15 && (0,json_scan.is)(b, kf, kt, K.end)) {
        finish = micros(b, v, end);
        if (Number.isNaN(finish))
            return false;
    }
    else if (n === 10 && (0,json_scan.is)(b, kf, kt, K.attributes)) {
        if (keyValues(b, v, end, false) < 0)
            return false;
    }
    else if (n === 6 && (0,json_scan.is)(b, kf, kt, K.status)) {
        error = false;
        if ((0,json_scan/* object */.Ik)(b, v, end, statusField) < 0)
            return false;
    }
    else
        return (0,json_scan/* value */.Uq)(b, v, end);
    return true;
}
const COMPACT = {
    trace: (0,json_scan/* keyBytes */.Rt)('{"traceId":"'),
    span: (0,json_scan/* keyBytes */.Rt)('","spanId":"'),
    parent: (0,json_scan/* keyBytes */.Rt)('","parentSpanId":"'),
    name: (0,json_scan/* keyBytes */.Rt)('","name":"'),
    kind: (0,json_scan/* keyBytes */.Rt)('","kind":'),
    start: (0,json_scan/* keyBytes */.Rt)(',"startTimeUnixNano":'),
    startNoKind: (0,json_scan/* keyBytes */.Rt)('","startTimeUnixNano":'),
    end: (0,json_scan/* keyBytes */.Rt)(',"endTimeUnixNano":'),
    attributes: (0,json_scan/* keyBytes */.Rt)(',"attributes":'),
    status: (0,json_scan/* keyBytes */.Rt)(',"status":'),
};
/**
 * A span written as exporters write it (compact, its keys in the order of the proto: traceId, spanId,
 * parentSpanId?, name, kind?, the two times, attributes, status, and nothing else) read by comparing
 * the bytes between its values, without walking the object key by key: what `object(…, spanField)`
 * would read of it. -1 (the caller resets and walks the object) for any other shape.
 */
function compactSpan(b, i, end) {
    if (!(0,json_scan/* startsWith */.w1)(b, i, end, COMPACT.trace))
        return -1;
    let at = i + COMPACT.trace.length;
    let close = (0,json_scan/* plainString */.Sx)(b, at, end);
    if (close < 0)
        return -1;
    traceFrom = at;
    traceTo = close;
    if (!(0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.span))
        return -1;
    at = close + COMPACT.span.length;
    close = (0,json_scan/* plainString */.Sx)(b, at, end);
    if (close < 0)
        return -1;
    spanFrom = at;
    spanTo = close;
    if ((0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.parent)) {
        at = close + COMPACT.parent.length;
        close = (0,json_scan/* plainString */.Sx)(b, at, end);
        if (close < 0)
            return -1;
        parentFrom = at;
        parentTo = close;
    }
    if (!(0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.name))
        return -1;
    at = close + COMPACT.name.length;
    close = (0,json_scan/* plainString */.Sx)(b, at, end);
    if (close < 0)
        return -1;
    scan_name = close === at ? out.internWord(vocabulary/* NONE */.x3) : out.internBytes(b, at, close);
    if ((0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.kind)) {
        // One digit: any other kind is walked (and checked) by the slow walk.
        at = close + COMPACT.kind.length;
        const d = b[at];
        if (d < 0x30 || d > 0x39 || !(0,json_scan/* startsWith */.w1)(b, at + 1, end, COMPACT.start))
            return -1;
        at += 1 + COMPACT.start.length;
    }
    else if ((0,json_scan/* startsWith */.w1)(b, close, end, COMPACT.startNoKind))
        at = close + COMPACT.startNoKind.length;
    else
        return -1;
    start = micros(b, at, end);
    if (Number.isNaN(start) || !(0,json_scan/* startsWith */.w1)(b, json_scan/* cursor */.Dy.at, end, COMPACT.end))
        return -1;
    finish = micros(b, json_scan/* cursor */.Dy.at + COMPACT.end.length, end);
    if (Number.isNaN(finish) || !(0,json_scan/* startsWith */.w1)(b, json_scan/* cursor */.Dy.at, end, COMPACT.attributes))
        return -1;
    if (keyValues(b, json_scan/* cursor */.Dy.at + COMPACT.attributes.length, end, false) < 0)
        return -1;
    if (!(0,json_scan/* startsWith */.w1)(b, json_scan/* cursor */.Dy.at, end, COMPACT.status))
        return -1;
    error = false;
    at = (0,json_scan/* object */.Ik)(b, json_scan/* cursor */.Dy.at + COMPACT.status.length, end, statusField);
    if (at < 0 || b[at] !== json_bytes/* CLOSE */.Nd)
        return -1;
    return (json_scan/* cursor */.Dy.at = at + 1);
}
/** One span at `i` into a row; false when the slow path must read it. */
function span(i) {
    const b = buf;
    const end = limit;
    traceFrom = spanFrom = parentFrom = scan_name = -1;
    start = finish = NaN;
    error = false;
    pairCount = 0;
    let e = compactSpan(b, i, end);
    if (e < 0) {
        // Whatever the compact reading wrote is read again from the start.
        traceFrom = spanFrom = parentFrom = scan_name = -1;
        start = finish = NaN;
        error = false;
        pairCount = 0;
        e = (0,json_scan/* object */.Ik)(b, i, end, spanField);
    }
    if (e < 0 || traceFrom < 0 || spanFrom < 0 || Number.isNaN(start) || Number.isNaN(finish))
        return false;
    const trace = idIndex(b, traceFrom, traceTo, true);
    const id = idIndex(b, spanFrom, spanTo, false);
    if (trace < 0 || id < 0)
        return false;
    let parent = -1;
    if (parentFrom >= 0 && parentTo > parentFrom) {
        // All zeros in hex is no parent; any other id the slow path cannot take is left to it.
        parent = out.idOfBytes(b, parentFrom, parentTo, false);
        if (parent === -2)
            return false;
    }
    out.rowOf(trace, id, parent, service, scan_name < 0 ? out.internWord(vocabulary/* NONE */.x3) : scan_name, start, Math.max(0, finish - start), error);
    // Resource attributes first, so a span attribute of the same key wins.
    for (let k = 0; k < resourcePairCount; k++)
        out.tag(resourcePairs[2 * k], resourcePairs[2 * k + 1]);
    for (let k = 0; k < pairCount; k++)
        out.tag(pairs[2 * k], pairs[2 * k + 1]);
    json_scan/* cursor */.Dy.at = e;
    return true;
}
/** The spans of a scopeSpans list at `i`. */
function scopes(b, i, end) {
    return (0,json_scan/* list */.p_)(b, i, end, (v) => {
        let spans = false;
        return ((0,json_scan/* object */.Ik)(b, v, end, (kf, kt, x) => {
            if (!(0,json_scan.is)(b, kf, kt, K.spans))
                return (0,json_scan/* value */.Uq)(b, x, end);
            // A second list of spans would need JSON's last-wins: the slow path.
            if (spans)
                return false;
            spans = true;
            return (0,json_scan/* list */.p_)(b, x, end, span) >= 0;
        }) >= 0);
    });
}
/**
 * Reads the ResourceSpans element that starts at `b[from]` (and ends before `end`) into `builder`:
 * returns the position after it, or -1 when the slow path must read it (the caller then drops the
 * rows written since it began).
 */
function scanResourceSpans(b, from, end, builder) {
    out = builder;
    buf = b;
    limit = end;
    resourcePairCount = 0;
    service = -1;
    let resource = false;
    let scopeKeys = 0;
    const e = (0,json_scan/* object */.Ik)(b, from, end, (kf, kt, v) => {
        if ((0,json_scan.is)(b, kf, kt, K.resource)) {
            // A resource after the spans, or twice, is left to the slow path.
            if (resource || scopeKeys > 0)
                return false;
            resource = true;
            return ((0,json_scan/* object */.Ik)(b, v, end, (rf, rt, x) => {
                if (!(0,json_scan.is)(b, rf, rt, K.attributes))
                    return (0,json_scan/* value */.Uq)(b, x, end);
                return keyValues(b, x, end, true) >= 0;
            }) >= 0);
        }
        if ((0,json_scan.is)(b, kf, kt, K.scopeSpans) || (0,json_scan.is)(b, kf, kt, K.ils)) {
            // Both names, or one twice, would need the slow path's choice.
            if (++scopeKeys > 1)
                return false;
            // An empty service.name reads as none, as in the slow path.
            if (service < 0 || service === out.internWord(''))
                service = out.internWord('unknown_service');
            return scopes(b, v, end) >= 0;
        }
        return (0,json_scan/* value */.Uq)(b, v, end);
    });
    return e;
}

// EXTERNAL MODULE: ./src/dataset/table.ts + 1 modules
var table = __webpack_require__(20040);
;// CONCATENATED MODULE: ./src/sources/otlp/values.ts

function plain(v) {
    if (!v)
        return null;
    if (v.stringValue !== undefined)
        return v.stringValue;
    if (v.intValue !== undefined)
        return String(v.intValue);
    if (v.doubleValue !== undefined)
        return Number(v.doubleValue);
    if (v.boolValue !== undefined)
        return v.boolValue;
    if (v.bytesValue !== undefined)
        return v.bytesValue;
    if (v.arrayValue)
        return (v.arrayValue.values ?? []).map(plain);
    if (v.kvlistValue) {
        const entries = (v.kvlistValue.values ?? []).map((kv) => [kv.key ?? '', plain(kv.value)]);
        return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    }
    return null;
}
function renderValue(v) {
    const p = plain(v);
    if (typeof p === 'string')
        return p;
    if (typeof p === 'number' || typeof p === 'boolean')
        return String(p);
    return JSON.stringify(p);
}
function attributes(list) {
    const out = {};
    for (const kv of list ?? [])
        if (kv.key)
            out[kv.key] = renderValue(kv.value);
    return out;
}
/** Ids are hex in OTLP/JSON; some exporters write base64 of the 8 or 16 bytes: see `normaliseId`. */
function hexId(id) {
    return id ? normaliseId(id) : undefined;
}
/**
 * Nanoseconds (a string of digits, or a number) → integer microseconds, exact through BigInt.
 * Anything else — a fraction in a string, a sign, more than 20 digits (beyond uint64, the OTLP
 * type), a non-finite number — is no time: undefined, which the reader reports with its position.
 */
function nanosToMicros(ns) {
    if (typeof ns === 'number')
        return Number.isFinite(ns) && ns >= 0 ? Math.floor(Math.round(ns) / 1000) : undefined;
    if (typeof ns !== 'string' || !/^\d{1,20}$/.test(ns))
        return undefined;
    return Number(BigInt(ns) / 1000n);
}

;// CONCATENATED MODULE: ./src/sources/otlp/read.ts









/** Tempo answers a trace as { batches: [...] } in some versions: the same ResourceSpans as resourceSpans. */
/** Whether a file looks like OTLP JSON (its first object has resourceSpans or batches). Cheap: reads the start. */
async function isOtlpFile(file) {
    try {
        return /"(resourceSpans|batches)"\s*:/.test(await contentHead(file));
    }
    catch {
        return false;
    }
}
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const SHAPE_FIX = 'export traces as OTLP JSON (ExportTraceServiceRequest: resourceSpans → scopeSpans → spans)';
const JSON_FIX = 'export traces as OTLP JSON: one ExportTraceServiceRequest per file, or one per line (JSON Lines)';
/** A list at `path`, or nothing; anything else is a wrong shape, named with where it is. */
function listAt(value, where, path) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        throw new errors/* SourceError */.c8(`${where}: ${path} is ${isObject(value) ? 'an object' : typeof value}, expected a list`, SHAPE_FIX);
    }
    return value;
}
/** Writes the spans of one ResourceSpans (an element of `resourceSpans`), at `where` (file:line:column) and `rsPath`, into `out`. */
function resourceSpansInto(out, rs, where, rsPath) {
    const shape = (path, what) => new errors/* SourceError */.c8(`${where}: ${path} ${what}`, SHAPE_FIX);
    if (!isObject(rs))
        throw shape(rsPath, 'is not an object');
    const resourceSpans = rs;
    const resource = attributes(listAt(resourceSpans.resource?.attributes, where, `${rsPath}.resource.attributes`));
    const service = out.intern(resource['service.name'] || 'unknown_service');
    const resourceTags = Object.entries(resource).map(([k, v]) => [out.tagColumn(k), out.intern(v)]);
    let count = 0;
    // OTLP before 0.15 called scopeSpans instrumentationLibrarySpans; old exports still carry it.
    const scopeKey = resourceSpans.scopeSpans !== undefined ? 'scopeSpans' : 'instrumentationLibrarySpans';
    for (const [c, scope] of listAt(resourceSpans[scopeKey], where, `${rsPath}.${scopeKey}`).entries()) {
        const scopePath = `${rsPath}.${scopeKey}[${c}]`;
        if (!isObject(scope))
            throw shape(scopePath, 'is not an object');
        for (const [i, s] of listAt(scope.spans, where, `${scopePath}.spans`).entries()) {
            const spanPath = `${scopePath}.spans[${i}]`;
            if (!isObject(s))
                throw shape(spanPath, 'is not an object');
            for (const field of ['traceId', 'spanId', 'parentSpanId', 'name']) {
                const v = s[field];
                if (v !== undefined && v !== null && typeof v !== 'string')
                    throw shape(`${spanPath}.${field}`, `is ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`}, expected a string`);
            }
            const spanId = (0,ids/* spanIdOf */.DR)(s.spanId);
            const traceId = (0,ids/* traceIdOf */.aB)(s.traceId);
            const start = nanosToMicros(s.startTimeUnixNano);
            const end = nanosToMicros(s.endTimeUnixNano);
            if (!spanId || !traceId)
                throw shape(spanPath, 'has no traceId or spanId (the spec requires both)');
            if (start === undefined || end === undefined)
                throw shape(spanPath, 'has no startTimeUnixNano or endTimeUnixNano as a whole number of nanoseconds (at most 20 digits)');
            const code = s.status?.code;
            out.row(traceId, spanId, (0,ids/* spanIdOf */.DR)(s.parentSpanId), service, out.intern(s.name || vocabulary/* NONE */.x3), start, Math.max(0, end - start), code === 2 || code === 'STATUS_CODE_ERROR');
            // Resource attributes first, so a span attribute of the same key wins.
            for (const [column, value] of resourceTags)
                out.tag(column, value);
            for (const [k, v] of Object.entries(attributes(listAt(s.attributes, where, `${spanPath}.attributes`))))
                out.tag(out.tagColumn(k), out.intern(v));
            count++;
        }
    }
    return count;
}
/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
const SPAN_LISTS = new Set(['resourceSpans', 'batches']);
/** A mistake found at byte `offset` of the file: the message is made once its line and column are counted. */
class Misplaced extends Error {
    offset;
    make;
    constructor(offset, make) {
        super('misplaced');
        this.offset = offset;
        this.make = make;
    }
}
/**
 * Reads the spans of an OTLP JSON file into a table builder (returns how many): any sequence of
 * ExportTraceServiceRequest documents — one pretty-printed document, or JSON Lines (one per line,
 * as the Collector's file exporter writes) — gzipped or not. A byte scanner follows the documents'
 * structure; each element of `resourceSpans` (Tempo: `batches`) is read where it lies by the fast
 * path (scan.ts), or, when that declines it, framed, parsed and read on its own (only one
 * ResourceSpans is in memory at a time, however large the file or its lines; an element over many
 * chunks is gathered as pieces and joined once). Mistakes are reported with file:line:column,
 * counted only when there is a mistake to report.
 * Written by hand rather than with a streaming JSON library (stream-json and the like): those emit
 * tokens without positions, and a person fixing an export needs the line and column of the mistake.
 */
async function readOtlpFile(file, out, range) {
    const before = out.size;
    // Chunks are views of one Buffer read into again (open.ts): the pieces of an element kept over chunks are copied.
    const stream = (0,dataset_open/* reusedChunks */.f_)(file, range);
    /** File offset of the current chunk's first byte. */
    let base = range?.start ?? 0;
    let depth = 0;
    /** The depth of the request object: 1, or 2 inside Jaeger's `{"result": {…}}` or Tempo's `{"trace": {…}}` envelope. */
    let level = 1;
    let inString = false;
    let escaped = false;
    /** The key being read at the request's depth, the key whose value comes next, and whether its ':' was seen. */
    let key;
    let valueOf;
    let awaitingValue = false;
    let inSpanList = false;
    let listKey = '';
    let index = 0;
    let pieces;
    let elementOffset = 0;
    let documentOffset = 0;
    let documentHasSpans = false;
    const framer = new json_array/* ValueEnd */.zI();
    const position = async (offset) => {
        const { line, column } = await (0,json_array/* lineAt */.mh)(file, offset);
        return { line, column, where: `${file}:${line}:${column}` };
    };
    const invalid = (offset, what) => new Misplaced(offset, (where) => new errors/* SourceError */.c8(`${where}: not valid JSON (${what})`, JSON_FIX));
    const shape = (offset, path, what) => new Misplaced(offset, (where) => new errors/* SourceError */.c8(`${where}: ${path} ${what}`, SHAPE_FIX));
    /** The slow path for one element b[from, to) at file offset `offset`. */
    const slowElement = async (b, from, to, offset) => {
        const text = b.toString('utf8', from, to);
        const path = `${listKey}[${index}]`;
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (error) {
            const message = (0,src_text/* printable */.g$)(error.message);
            const rel = lineColumn(text, (0,json_position/* mistakeOffset */.Q)(text, message));
            const start = await position(offset);
            const pos = rel.line === 1
                ? { line: start.line, column: start.column + rel.column - 1 }
                : { line: start.line + rel.line - 1, column: rel.column };
            throw new errors/* SourceError */.c8(`${file}:${pos.line}:${pos.column}: not valid JSON (${message})`, JSON_FIX);
        }
        const mark = out.size;
        try {
            resourceSpansInto(out, parsed, file, path);
        }
        catch (error) {
            if (!(error instanceof errors/* SourceError */.c8))
                throw error;
            // The same mistake again, now placed (its line is counted only for the message).
            out.truncate(mark);
            resourceSpansInto(out, parsed, (await position(offset)).where, path);
        }
    };
    /** A whole element b[from, to): the fast path, else the slow one. */
    const element = async (b, from, to, offset) => {
        const mark = out.size;
        if (scanResourceSpans(b, from, to, out) < 0) {
            out.truncate(mark);
            await slowElement(b, from, to, offset);
        }
        index++;
    };
    try {
        for await (const chunk of stream) {
            const n = chunk.length;
            let i = 0;
            if (pieces) {
                const end = framer.scan(chunk, 0, n);
                if (end < 0) {
                    pieces.push(Buffer.from(chunk));
                    base += n;
                    continue;
                }
                pieces.push(chunk.subarray(0, end));
                const whole = Buffer.concat(pieces);
                pieces = undefined;
                await element(whole, 0, whole.length, elementOffset);
                i = end;
            }
            for (; i < n; i++) {
                const c = chunk[i];
                if (inString) {
                    if (escaped)
                        escaped = false;
                    else if (c === 0x5c)
                        escaped = true;
                    else if (c === 0x22)
                        inString = false;
                    else if (key !== undefined)
                        key += String.fromCharCode(c);
                    continue;
                }
                if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                    continue;
                if (depth === 0 && c !== 0x7b) {
                    throw invalid(base + i, c === 0x5b
                        ? 'the document is a list; expected an object with resourceSpans'
                        : `unexpected ${JSON.stringify(String.fromCharCode(c))}; expected an object with resourceSpans`);
                }
                if (depth === level) {
                    if (awaitingValue) {
                        awaitingValue = false;
                        valueOf = key;
                        key = undefined;
                        if ((valueOf === 'result' || valueOf === 'trace') && level === 1 && c === 0x7b) {
                            level = 2;
                        }
                        else if (SPAN_LISTS.has(valueOf ?? '')) {
                            if (c !== 0x5b)
                                throw shape(base + i, valueOf, `is ${c === 0x7b ? 'an object' : 'not a list'}, expected a list`);
                            inSpanList = true;
                            listKey = valueOf;
                            documentHasSpans = true;
                            index = 0;
                        }
                    }
                    else if (c === 0x22) {
                        key = '';
                    }
                    else if (c === 0x3a) {
                        if (key === undefined)
                            throw invalid(base + i, 'a value without a key');
                        awaitingValue = true;
                        continue;
                    }
                }
                if (depth === level + 1 && inSpanList && c !== 0x2c && c !== 0x5d) {
                    if (c !== 0x7b)
                        throw shape(base + i, `${listKey}[${index}]`, 'is not an object');
                    // The element where it lies: the fast path, else framed here (or over the next chunks) for the slow one.
                    const mark = out.size;
                    let end = scanResourceSpans(chunk, i, n, out);
                    if (end >= 0) {
                        index++;
                        i = end - 1;
                        continue;
                    }
                    out.truncate(mark);
                    framer.reset();
                    end = framer.scan(chunk, i, n);
                    if (end < 0) {
                        pieces = [Buffer.from(chunk.subarray(i))];
                        elementOffset = base + i;
                        break;
                    }
                    await slowElement(chunk, i, end, base + i);
                    index++;
                    i = end - 1;
                    continue;
                }
                switch (c) {
                    case 0x22:
                        inString = true;
                        break;
                    case 0x7b:
                    case 0x5b:
                        if (depth === 0) {
                            documentOffset = base + i;
                            documentHasSpans = false;
                            key = undefined;
                            level = 1;
                        }
                        depth++;
                        break;
                    case 0x7d:
                    case 0x5d:
                        depth--;
                        if (depth === level && inSpanList) {
                            inSpanList = false;
                        }
                        else if (depth === 1 && level === 2) {
                            level = 1;
                        }
                        else if (depth === 0) {
                            if (!documentHasSpans)
                                throw new Misplaced(documentOffset, (where) => new errors/* SourceError */.c8(`${where}: not an OTLP trace export (no resourceSpans)`, SHAPE_FIX));
                        }
                        else if (depth < 0) {
                            throw invalid(base + i, `unexpected ${JSON.stringify(String.fromCharCode(c))}`);
                        }
                        break;
                }
            }
            base += n;
        }
    }
    catch (error) {
        if (error instanceof Misplaced)
            throw error.make((await position(error.offset)).where);
        if (error instanceof errors/* SourceError */.c8)
            throw error;
        throw new errors/* SourceError */.c8(`${file}: cannot be read (${(0,src_text/* printable */.g$)(error.message)})`, 'check that the file is OTLP JSON, optionally gzipped');
    }
    finally {
        await stream.return(undefined);
    }
    if (depth !== 0 || inString || pieces) {
        const start = await position(documentOffset);
        const { line } = await (0,json_array/* lineAt */.mh)(file, base);
        throw new errors/* SourceError */.c8(`${start.where}: not valid JSON (the document that starts here is cut off at line ${line})`, JSON_FIX);
    }
    return out.size - before;
}


/***/ }),

/***/ 95892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ readZipkinSpans),
/* harmony export */   EW: () => (/* binding */ sharedServerId),
/* harmony export */   Q8: () => (/* binding */ ZIPKIN_FIX),
/* harmony export */   qG: () => (/* binding */ readZipkinJson),
/* harmony export */   w3: () => (/* binding */ elementSpans)
/* harmony export */ });
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47819);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16546);




const ZIPKIN_FIX = 'write Zipkin v2 JSON as /api/v2/traces answers it: a list of traces, each a list of {"traceId","id","name","timestamp","duration","localEndpoint":{"serviceName"}}';
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/** The id a shared server span is given: 16 hex digits derived from its trace and the shared id. */
function sharedServerId(traceId, id) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(`zipkin shared server ${traceId} ${id}`).digest('hex').slice(0, 16);
}
const serviceOf = (s) => typeof s.localEndpoint?.serviceName === 'string' && s.localEndpoint.serviceName
    ? s.localEndpoint.serviceName
    : 'unknown';
/** Every span of the document, with its position for messages. */
function* spansOf(doc, where) {
    if (isObject(doc)) {
        yield { span: doc, path: '(the span)' };
        return;
    }
    if (!Array.isArray(doc))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceError */ .c8(`${where}: not Zipkin JSON (expected a list)`, ZIPKIN_FIX);
    for (const [i, item] of doc.entries())
        yield* elementSpans(item, i, where);
}
/** The spans of the `i`-th element of a list: a span, or a trace (a list of spans). */
function* elementSpans(item, i, where) {
    if (Array.isArray(item)) {
        for (const [j, span] of item.entries()) {
            if (!isObject(span))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceError */ .c8(`${where}: [${i}][${j}] is not a span object`, ZIPKIN_FIX);
            yield { span, path: `[${i}][${j}]` };
        }
    }
    else if (isObject(item)) {
        yield { span: item, path: `[${i}]` };
    }
    else {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceError */ .c8(`${where}: [${i}] is neither a span nor a list of spans`, ZIPKIN_FIX);
    }
}
/** Reads Zipkin v2 JSON from a parsed document. */
function readZipkinJson(doc, where, sink) {
    readZipkinSpans([...spansOf(doc, where)], where, sink);
}
/**
 * Reads spans that hold whole traces (a document, or one trace of a list of traces). Two passes: the
 * first finds the ids a client and a server span share within each trace.
 */
function readZipkinSpans(spans, where, sink) {
    // Per trace/id: the service of its SERVER span, and whether another (client) span has the id too.
    // A SERVER span whose id a client span also has is the shared half, flagged "shared" or not (old reporters).
    const server = new Map();
    const other = new Set();
    for (const { span } of spans) {
        const traceId = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .traceIdOf */ .aB)(span.traceId);
        const id = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .spanIdOf */ .DR)(span.id);
        if (!traceId || !id)
            continue;
        if (span.kind === 'SERVER')
            server.set(`${traceId}/${id}`, serviceOf(span));
        else
            other.add(`${traceId}/${id}`);
    }
    for (const { span: s, path } of spans) {
        const traceId = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .traceIdOf */ .aB)(s.traceId);
        const id = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .spanIdOf */ .DR)(s.id);
        if (!traceId || !id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceError */ .c8(`${where}: ${path} has no traceId or id`, ZIPKIN_FIX);
        const start = Number(s.timestamp);
        const duration = Number(s.duration ?? 0);
        if (s.timestamp === undefined || !Number.isFinite(start) || !Number.isFinite(duration)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceError */ .c8(`${where}: ${path} has no timestamp and duration in microseconds`, ZIPKIN_FIX);
        }
        const tags = {};
        if (isObject(s.tags)) {
            for (const [k, v] of Object.entries(s.tags))
                tags[k] = typeof v === 'string' ? v : JSON.stringify(v);
        }
        if (typeof s.kind === 'string' && !('span.kind' in tags))
            tags['span.kind'] = s.kind.toLowerCase();
        const service = serviceOf(s);
        let spanId = id;
        let parent = (0,_dataset_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .spanIdOf */ .DR)(s.parentId);
        const key = `${traceId}/${id}`;
        if (s.kind === 'SERVER' && other.has(key)) {
            // The server half of a shared span: a child of the client half.
            spanId = sharedServerId(traceId, id);
            parent = id;
        }
        else if (parent) {
            const parentKey = `${traceId}/${parent}`;
            // A child of a shared id ran in the server when it is in the server's service (Zipkin's rule too).
            if (other.has(parentKey) && server.get(parentKey) === service)
                parent = sharedServerId(traceId, parent);
        }
        const span = {
            traceId,
            spanId,
            service,
            operation: typeof s.name === 'string' && s.name ? s.name : _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .NONE */ .x3,
            startUs: Math.round(start),
            durationUs: Math.max(0, Math.round(duration)),
            error: 'error' in tags || tags['otel.status_code'] === 'ERROR',
            tags,
        };
        if (parent && parent !== spanId)
            span.parentSpanId = parent;
        sink.add(span);
    }
}


/***/ }),

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ byCodeUnits),
/* harmony export */   IC: () => (/* binding */ visibleCodePoint),
/* harmony export */   Q6: () => (/* binding */ visibleText),
/* harmony export */   W3: () => (/* binding */ CONTROL),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   kH: () => (/* binding */ INVISIBLE)
/* harmony export */ });
/**
 * The characters that make untrusted text (span values, configuration, stored indexes) read as
 * something else, shared by the escapes of reports (report/escape.ts) and of logs (log.ts).
 */
/**
 * Control characters, line and paragraph separators, and the bidirectional controls (embeddings,
 * overrides, isolates, marks, U+061C): a newline ends a table row or starts a log line the runner reads
 * as a command, and a bidi override makes `txt.exe` read as `exe.txt`. They become spaces.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/**
 * Characters that show as nothing: zero-width spaces and joiners, the word joiner and invisible
 * operators, the soft hyphen, Hangul and Khmer fillers, Mongolian selectors, the byte-order mark, tag
 * characters. `admin` and `adm\u200Bin` would look the same; they are shown as `<U+200B>` instead.
 * (Variation selectors are left alone: they only choose how the character before them is drawn.)
 */
// The class lists code points one by one on purpose, the combining ones (U+034F, U+180B…) among them.
const INVISIBLE = 
// eslint-disable-next-line no-misleading-character-class
/[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff0-\ufff8\u{e0000}-\u{e007f}]/gu;
/** An invisible character written so that it can be seen: `<U+200B>`. */
function visibleCodePoint(c) {
    return `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}
/** Untrusted text on one line, nothing hidden: controls become spaces, invisible characters `<U+…>`. */
function visibleText(text) {
    return text.replace(CONTROL, ' ').replace(INVISIBLE, visibleCodePoint);
}
/**
 * A message that quotes bytes of a file (a JSON parser's excerpt of a corrupt or binary input), made
 * printable: every control, invisible or undecodable character (U+FFFD) as `\xHH` / `\u{…}`, and cut.
 * An error line must not carry binary into the log, the terminal or the job summary.
 */
function printable(message, maxLength = 300) {
    const cut = message.length > maxLength ? `${message.slice(0, maxLength - 1)}…` : message;
    return (cut
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\ufffd\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, (c) => {
        const code = c.codePointAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
        .replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0).toString(16)}}`));
}
/**
 * Strings in code-unit order. The diff's lists are ordered with this, not `localeCompare`: the same
 * result on every machine whatever its locale, and ~10× faster on the 150k call edges of a big diff.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 47819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   Cb: () => (/* binding */ METRICS),
/* harmony export */   MX: () => (/* binding */ QUANTILE_OF),
/* harmony export */   O6: () => (/* binding */ reaches),
/* harmony export */   dm: () => (/* binding */ qOfMetric),
/* harmony export */   eo: () => (/* binding */ PART_SEPARATOR),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   uI: () => (/* binding */ verdictRank),
/* harmony export */   x3: () => (/* binding */ NONE),
/* harmony export */   zP: () => (/* binding */ worstVerdict)
/* harmony export */ });
/* unused harmony exports VERDICT_ORDER, FAIL_ON, PUBLISH_TARGETS, TESTS_OF */
/**
 * The words every stage shares: verdicts and their order, severities and theirs, the metrics a
 * rule can name and the test that speaks for each, and the action's `fail-on` / `publish` values.
 * It sits below every stage and imports nothing, so config, diff, report, publish and the modes
 * all read the one definition (they used to keep four copies, which disagreed on `inconclusive`).
 */
/** Severities ordered from least to most severe; `verdict` adds `pass` below and `inconclusive` after it. */
const SEVERITY_ORDER = ['ignore', 'notice', 'warn', 'fail'];
/** Higher is more severe: `ignore` 0 … `fail` 3. */
function severityRank(s) {
    return SEVERITY_ORDER.indexOf(s);
}
/**
 * Verdicts from best to worst. `inconclusive` ranks above `pass` (a run that could not compare, or a
 * query that could not be diffed, must not read as green) and below every finding (a regression
 * found in one query is the news, whatever another query could not tell). `fail-on` and `alert-on`
 * are `warn` or `fail`, so an inconclusive run never reaches them: it neither fails a gate nor
 * opens an alert.
 */
const VERDICT_ORDER = ['pass', 'inconclusive', 'notice', 'warn', 'fail'];
/** Higher is worse: `pass` 0, `inconclusive` 1, `notice` 2, `warn` 3, `fail` 4. */
function verdictRank(v) {
    return VERDICT_ORDER.indexOf(v);
}
/** The worst of some verdicts; `pass` when there are none. */
function worstVerdict(verdicts) {
    let worst = 'pass';
    for (const v of verdicts)
        if (verdictRank(v) > verdictRank(worst))
            worst = v;
    return worst;
}
const FAIL_ON = (/* unused pure expression or super */ null && (['fail', 'warn', 'never']));
/** Whether a verdict reaches a `fail-on` / `alert-on` level (`never` is never reached). */
function reaches(verdict, level) {
    return level !== 'never' && verdictRank(verdict) >= verdictRank(level);
}
const PUBLISH_TARGETS = (/* unused pure expression or super */ null && (['summary', 'comment', 'issue']));
const METRICS = [
    'occurrence',
    'rate',
    'error-rate',
    'latency.avg',
    'latency.p50',
    'latency.p90',
    'latency.p95',
    'latency.p99',
];
/** The percentile metrics and the quantile test each gets when a rule names it. */
const QUANTILE_OF = {
    'latency.p50': 'latencyP50',
    'latency.p90': 'latencyP90',
    'latency.p95': 'latencyP95',
    'latency.p99': 'latencyP99',
};
/**
 * The tests that speak for a metric. A percentile speaks through either of two: the rank-sum test
 * (`latency`) sees a shift of the whole distribution, its quantile test a change at that percentile
 * only (a slower tail). Counts speak through the rate test, which compares spans per minute.
 */
const TESTS_OF = {
    occurrence: ['rate'],
    rate: ['rate'],
    'error-rate': ['errorRate'],
    'latency.avg': ['latency'],
    'latency.p50': ['latency', 'latencyP50'],
    'latency.p90': ['latency', 'latencyP90'],
    'latency.p95': ['latency', 'latencyP95'],
    'latency.p99': ['latency', 'latencyP99'],
};
/** The q-value that speaks for a metric: the smallest of its tests' (undefined when none ran). */
function qOfMetric(q, metric) {
    let best;
    for (const t of TESTS_OF[metric]) {
        const v = q?.[t];
        if (v !== undefined && (best === undefined || v < best))
            best = v;
    }
    return best;
}
/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
const PART_SEPARATOR = ' / ';


/***/ })

};
