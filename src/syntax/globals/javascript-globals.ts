/**
 * Names a JavaScript or TypeScript file may use without declaring or importing them: the
 * language's globals (ECMAScript), Node's, the browser's most used, and common test runners'.
 * Data, kept compact: one space-separated list per source. A name missing here can cause a
 * false refusal of an edit that uses it for the first time, so lean towards including.
 */
const ecmascript = `globalThis Infinity NaN undefined eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI
encodeURIComponent escape unescape AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date
Error EvalError FinalizationRegistry Float32Array Float64Array Function Int8Array Int16Array Int32Array Intl Iterator JSON Map Math Number
Object Promise Proxy RangeError ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError Uint8Array
Uint8ClampedArray Uint16Array Uint32Array URIError WeakMap WeakRef WeakSet arguments await`;

const node = `require module exports __dirname __filename process Buffer global console setTimeout clearTimeout setInterval clearInterval
setImmediate clearImmediate queueMicrotask structuredClone fetch Request Response Headers FormData Blob File URL URLSearchParams
AbortController AbortSignal TextEncoder TextDecoder EventTarget Event CustomEvent MessageChannel MessagePort BroadcastChannel
performance crypto atob btoa WebAssembly ReadableStream WritableStream TransformStream CompressionStream DecompressionStream
DOMException navigator WebSocket`;

const browser = `window self document location history localStorage sessionStorage alert confirm prompt requestAnimationFrame
cancelAnimationFrame getComputedStyle matchMedia customElements HTMLElement Element Node NodeList Image Audio XMLHttpRequest
IntersectionObserver MutationObserver ResizeObserver Worker indexedDB screen postMessage addEventListener
removeEventListener dispatchEvent KeyboardEvent MouseEvent HTMLInputElement HTMLFormElement HTMLCanvasElement CanvasRenderingContext2D
DocumentFragment ShadowRoot Notification WorkerGlobalScope importScripts FileReader DOMParser XMLSerializer Range Selection getSelection SVGElement HTMLImageElement HTMLAnchorElement HTMLButtonElement HTMLDivElement Storage PerformanceObserver caches innerWidth innerHeight scrollX scrollY scrollTo`;

const testRunners = `describe it test expect beforeEach afterEach beforeAll afterAll before after jest vi suite context`;

const typescript = `Partial Required Readonly Record Pick Omit Exclude Extract NonNullable ReturnType Parameters InstanceType Awaited
PropertyKey PromiseLike ArrayLike Iterable AsyncIterable IterableIterator NodeJS React JSX`;

export const javascriptGlobals: ReadonlySet<string> = new Set([ecmascript, node, browser, testRunners, typescript].join(' ').split(/\s+/));
