// The benchmark page: runs one backend's measurements in a fresh worker when Playwright asks (window.benchBackend).
import type { BackendResult, BenchOptions, BenchReply } from './benchTypes';

declare global {
  interface Window {
    benchBackend(options: BenchOptions): Promise<BackendResult>;
  }
}

const log = document.getElementById('log');

window.benchBackend = (options) =>
  new Promise<BackendResult>((resolve, reject) => {
    const worker = new Worker(new URL('./worker/bench.worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => worker.terminate();
    worker.addEventListener('message', (e: MessageEvent<BenchReply>) => {
      const reply = e.data;
      if (reply.type === 'log') {
        console.log(reply.text);
        if (log) log.textContent += `${reply.text}\n`;
      } else if (reply.type === 'result') {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (e) => {
      finish();
      reject(new Error(e.message || 'the benchmark worker failed'));
    });
    worker.postMessage({ type: 'run', options });
  });
