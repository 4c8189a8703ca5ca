// A macrotask yield without setTimeout's 4 ms clamp, so a worker loop sees incoming messages (a stop) between
// batches at little cost.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
