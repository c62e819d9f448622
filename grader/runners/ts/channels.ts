// Host-mediated channels in the spirit of Rust's std::sync::mpsc: many senders, one receiver,
// unbounded, values COPIED (SharedArrayBuffers stay shared). Every end is a numbered handle
// owned by one holder (the main isolate or one worker); the host checks ownership on every
// use, so the queue, its counts and who-waits-on-what are host truth, usable in verdicts.
import { ENDPOINT_KEY } from "./isolate/shared-constants.ts";

export type Holder = "main" | number;

/** Messages one holder sent or received on a channel, as the host counted them. */
export type HolderCount = { holder: Holder; count: number };
export type ChannelStats = {
  id: number;
  sent: number;
  received: number;
  queued: number;
  discarded: number;
  sentBy: HolderCount[];
  receivedBy: HolderCount[];
  /** What workers sent, when it was a number: how often each one (the first MAX_RECORDED numbers). */
  workerNumbers: Map<number, number>;
};

/** Numbers recorded per channel: what workers sent is checked against what the call returned. */
const MAX_RECORDED = 1_000_000;

/**
 * The numbers that went through the call's channels, as the host saw them: per sending
 * holder in the order it sent them, per receiving holder in the order it received them
 * (across all its channels), the first MAX_RECORDED of each. Other values are not recorded.
 */
export type NumberLog = { sent: Map<Holder, number[]>; received: Map<Holder, number[]> };

/** What a waiting receiver gets: an item, or CLOSED once every sender is gone and the queue is empty. */
export const CLOSED = Symbol("closed");
export type Delivery = { value: unknown } | typeof CLOSED;

type Channel = {
  id: number;
  queue: unknown[];
  openSenders: Set<number>;
  receiver: number;
  receiverOpen: boolean;
  waiter: ((delivery: Delivery) => void) | null;
  /** Who registered `waiter`: the receiving holder when a send wakes it. */
  waiterHolder: Holder;
  sent: number;
  received: number;
  /** Sent after the Receiver was gone: dropped, and counted so tests can say so. */
  discarded: number;
  sentBy: Map<Holder, number>;
  receivedBy: Map<Holder, number>;
  /** How often each number was sent by a worker (the first MAX_RECORDED numbers). */
  workerNumbers: Map<number, number>;
  recorded: number;
};
type Handle = { id: number; channel: Channel; side: "tx" | "rx"; holder: Holder; open: boolean };

/** Unreceived messages one channel may hold: a producer that outruns its consumer forever is a bug. */
export const MAX_QUEUED = 100_000;
const MAX_CHANNELS = 1_000;

const bump = (counts: Map<Holder, number>, holder: Holder) => counts.set(holder, (counts.get(holder) ?? 0) + 1);
/** Main first, then workers by id: the order senders first sent in is a race, not a fact. */
const countsOf = (counts: Map<Holder, number>): HolderCount[] =>
  [...counts]
    .map(([holder, count]) => ({ holder, count }))
    .sort((a, b) => (a.holder === "main" ? -1 : b.holder === "main" ? 1 : a.holder - b.holder));

const holderName = (h: Holder) => (h === "main" ? "the main function" : `worker ${h}`);

export class Channels {
  private readonly channels: Channel[] = [];
  private readonly handles = new Map<number, Handle>();
  private nextHandle = 1;
  private readonly log: NumberLog = { sent: new Map(), received: new Map() };
  private logged = { sent: 0, received: 0 };

  constructor(private readonly onActivity: () => void = () => {}) {}

  create(holder: Holder): [number, number] {
    if (this.channels.length >= MAX_CHANNELS)
      throw new RangeError(`channel(): at most ${MAX_CHANNELS} channels per call`);
    const channel: Channel = {
      id: this.channels.length + 1,
      queue: [],
      openSenders: new Set(),
      receiver: 0,
      receiverOpen: true,
      waiter: null,
      waiterHolder: holder,
      sent: 0,
      received: 0,
      discarded: 0,
      sentBy: new Map(),
      receivedBy: new Map(),
      workerNumbers: new Map(),
      recorded: 0,
    };
    this.channels.push(channel);
    const tx = this.newHandle(channel, "tx", holder);
    channel.receiver = this.newHandle(channel, "rx", holder).id;
    return [tx.id, channel.receiver];
  }

  send(holder: Holder, handleId: unknown, value: unknown): void {
    const handle = this.own(holder, handleId, "tx");
    if (!handle.open) throw new Error(`send(): this Sender of channel ${handle.channel.id} was closed`);
    const channel = handle.channel;
    channel.sent += 1;
    bump(channel.sentBy, holder);
    if (holder !== "main" && typeof value === "number" && channel.recorded < MAX_RECORDED) {
      channel.recorded += 1;
      channel.workerNumbers.set(value, (channel.workerNumbers.get(value) ?? 0) + 1);
    }
    this.record("sent", holder, value);
    // Rust's send() returns an error here, and a racing producer then panics or not depending
    // on timing. Dropping the message keeps verdicts independent of that race; the count
    // still shows up in the stats.
    if (!channel.receiverOpen) {
      channel.discarded += 1;
      return;
    }
    if (channel.waiter) {
      const wake = channel.waiter;
      channel.waiter = null;
      channel.received += 1;
      bump(channel.receivedBy, channel.waiterHolder);
      this.record("received", channel.waiterHolder, value);
      wake({ value });
    } else {
      if (channel.queue.length >= MAX_QUEUED)
        throw new RangeError(
          `send(): channel ${channel.id} already holds ${MAX_QUEUED} unreceived messages; the receiver is not keeping up`,
        );
      channel.queue.push(value);
    }
    this.onActivity();
  }

  /** Takes the next item now, or registers `wake` as the channel's only waiter. */
  recv(holder: Holder, handleId: unknown, wake: (delivery: Delivery) => void): { now: Delivery } | { waiting: number } {
    const handle = this.own(holder, handleId, "rx");
    const channel = handle.channel;
    if (!handle.open) return { now: CLOSED };
    if (channel.queue.length > 0) {
      channel.received += 1;
      bump(channel.receivedBy, holder);
      const value = channel.queue.shift();
      this.record("received", holder, value);
      return { now: { value } };
    }
    if (channel.openSenders.size === 0) return { now: CLOSED };
    if (channel.waiter)
      throw new Error(
        `recv(): channel ${channel.id} already has a pending recv(); await it before calling recv() again`,
      );
    channel.waiter = wake;
    channel.waiterHolder = holder;
    return { waiting: channel.id };
  }

  close(holder: Holder, handleId: unknown): void {
    const handle = this.own(holder, handleId, null);
    this.closeHandle(handle);
  }

  /** Rust's drop at the end of a thread: everything a finished worker held is closed. */
  dropHolder(holder: Holder): void {
    for (const handle of this.handles.values()) if (handle.holder === holder && handle.open) this.closeHandle(handle);
  }

  /**
   * Host side of passing ends through spawn(): a Sender is cloned for the worker (one more open
   * sender), a Receiver is moved (the spawner can no longer use it). Markers were made by the
   * harness; anything else that looks like one is rejected, since the handle must be the spawner's.
   */
  adopt(data: unknown, from: Holder, to: Holder, depth = 0): unknown {
    if (data === null || typeof data !== "object" || depth > 3) return data;
    if (Array.isArray(data)) return data.length > 64 ? data : data.map((d) => this.adopt(d, from, to, depth + 1));
    const proto = Object.getPrototypeOf(data);
    if (proto !== Object.prototype && proto !== null) return data;
    const record = data as Record<string, unknown>;
    const side = record[ENDPOINT_KEY];
    if (side === "tx" || side === "rx") {
      const handle = this.own(from, record.handle, side);
      if (!handle.open)
        throw new Error(
          `spawn(): this ${side === "tx" ? "Sender" : "Receiver"} of channel ${handle.channel.id} is closed`,
        );
      if (side === "rx") {
        handle.holder = to;
        return { [ENDPOINT_KEY]: "rx", handle: handle.id };
      }
      return { [ENDPOINT_KEY]: "tx", handle: this.newHandle(handle.channel, "tx", to).id };
    }
    const keys = Object.keys(record);
    if (keys.length > 64) return data;
    return Object.fromEntries(keys.map((k) => [k, this.adopt(record[k], from, to, depth + 1)]));
  }

  /** Channel ids a holder is blocked on, for deadlock messages. */
  describe(channelId: number): string {
    const channel = this.channels[channelId - 1];
    if (!channel) return `channel ${channelId}`;
    const holders = [...channel.openSenders]
      .map((h) => this.handles.get(h)?.holder)
      .filter((h): h is Holder => h !== undefined);
    const senders =
      holders.length === 0
        ? "no open Sender"
        : `open Senders held by ${[...new Set(holders.map(holderName))].join(", ")}`;
    return `channel ${channel.id} (${channel.sent} sent, ${channel.received} received, ${senders})`;
  }

  stats(): ChannelStats[] {
    return this.channels.map((c) => ({
      id: c.id,
      sent: c.sent,
      received: c.received,
      queued: c.queue.length,
      discarded: c.discarded,
      sentBy: countsOf(c.sentBy),
      receivedBy: countsOf(c.receivedBy),
      workerNumbers: c.workerNumbers,
    }));
  }

  /** Numbers sent and received, per holder and in order (NumberLog). */
  numberLog(): NumberLog {
    return { sent: new Map(this.log.sent), received: new Map(this.log.received) };
  }

  private record(side: "sent" | "received", holder: Holder, value: unknown): void {
    if (typeof value !== "number" || this.logged[side] >= MAX_RECORDED) return;
    this.logged[side] += 1;
    const list = this.log[side].get(holder);
    if (list) list.push(value);
    else this.log[side].set(holder, [value]);
  }

  private closeHandle(handle: Handle): void {
    if (!handle.open) return;
    handle.open = false;
    const channel = handle.channel;
    if (handle.side === "rx") {
      channel.receiverOpen = false;
      channel.queue.length = 0;
    } else {
      channel.openSenders.delete(handle.id);
      if (channel.openSenders.size === 0 && channel.queue.length === 0 && channel.waiter) {
        const wake = channel.waiter;
        channel.waiter = null;
        wake(CLOSED);
      }
    }
    this.onActivity();
  }

  private newHandle(channel: Channel, side: "tx" | "rx", holder: Holder): Handle {
    const handle: Handle = { id: this.nextHandle++, channel, side, holder, open: true };
    this.handles.set(handle.id, handle);
    if (side === "tx") channel.openSenders.add(handle.id);
    return handle;
  }

  private own(holder: Holder, handleId: unknown, side: "tx" | "rx" | null): Handle {
    const handle = typeof handleId === "number" ? this.handles.get(handleId) : undefined;
    if (!handle || (side !== null && handle.side !== side))
      throw new TypeError("not a channel end created by channel()");
    if (handle.holder !== holder) {
      const what = handle.side === "tx" ? "Sender" : "Receiver";
      throw new Error(
        `this ${what} of channel ${handle.channel.id} belongs to ${holderName(handle.holder)}${handle.side === "rx" ? " (a Receiver moves into the worker it is passed to)" : ""}`,
      );
    }
    return handle;
  }
}

/** Host refusals of send() go back as a message; null when it was queued or delivered. */
export function sendRefusal(send: () => void): string | null {
  try {
    send();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a receiver's wait resolves to: the item, or undefined once the channel is closed. */
export function receivedOutcome(d: Delivery): { ok: true; value: unknown } {
  return d === CLOSED ? { ok: true, value: undefined } : { ok: true, value: d.value };
}
