/**
 * The channel a parallel `sweep` receives its replies through (internal): one shared-memory slot per worker
 * and a shared counter, so that the calling thread waits with `Atomics.wait` and reads replies without a
 * message event. Jupyter's Stop terminates running JavaScript; a wait inside JavaScript is stopped, whereas a
 * message handler hit by the stop would lose its reply and leave the sweep waiting for ever.
 * 并行扫描的共享内存通道。
 * @module
 */

/** Bytes of one reply (JSON text; a sweep's output is a few named values). */
export const REPLY_BYTES = 65_536;

/** A worker's reply slot: `[state, length]` (state 1 = a reply waits) and the reply's bytes. */
export interface ReplySlot {
  readonly head: Int32Array;
  readonly bytes: Uint8Array;
}

/** The slot over `buffer` (default a new one: post `slot.head.buffer` to the worker, which calls this on it). */
export function replySlot(buffer: SharedArrayBuffer = new SharedArrayBuffer(8 + REPLY_BYTES)): ReplySlot {
  return { head: new Int32Array(buffer, 0, 2), bytes: new Uint8Array(buffer, 8) };
}

/** JSON that keeps NaN, ±Infinity, −0 and undefined (the output checks must see what the model returned). */
function encode(message: unknown): string {
  return JSON.stringify(message, function (this: unknown, key, v) {
    if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) {
      return { $number: Object.is(v, -0) ? "-0" : String(v) };
    }
    return v === undefined && key !== "" ? { $undefined: true } : v;
  });
}

function decode(text: string): unknown {
  return JSON.parse(text, (_, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && typeof v.$number === "string") return Number(v.$number);
      if (keys.length === 1 && v.$undefined === true) return undefined;
    }
    return v;
  });
}

/**
 * Write `message` into `slot` and count it in `signal[0]` (worker side). A reply too large for the slot is
 * replaced by `tooLarge(bytes)`.
 */
export function writeReply(
  slot: ReplySlot,
  signal: Int32Array,
  message: unknown,
  tooLarge: (bytes: number) => unknown,
): void {
  let data = new TextEncoder().encode(encode(message));
  if (data.length > REPLY_BYTES) data = new TextEncoder().encode(encode(tooLarge(data.length)));
  slot.bytes.set(data);
  Atomics.store(slot.head, 1, data.length);
  Atomics.store(slot.head, 0, 1);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** The reply waiting in `slot`, emptying it; undefined when none waits (calling thread). */
export function readReply(slot: ReplySlot): unknown {
  if (Atomics.load(slot.head, 0) !== 1) return undefined;
  const n = Atomics.load(slot.head, 1);
  const copy = slot.bytes.slice(0, n); // TextDecoder does not read shared memory
  Atomics.store(slot.head, 0, 0);
  return decode(new TextDecoder().decode(copy));
}
