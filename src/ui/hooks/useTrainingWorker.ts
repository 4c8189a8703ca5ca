// Connects the page to the training worker: one TrainingClient for the app's lifetime, worker events into the store,
// progress into the live chart series, and train/stop/pause/step/speed commands out. Watches for a crashed or stalled worker and
// restarts it on request; starts a run again after the worker moved off a lost WebGL context. Safe under
// StrictMode's mount-unmount-mount.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MNIST_DIR } from 'virtual:mnist-files';
import type { TrainConfig } from '../../shared/config';
import type { ConfigProblem } from '../../shared/configText';
import type { WorkerCommand, WorkerEvent } from '../../shared/protocol';
import type { AnswerTo, RequestOf, RequestType } from '../../shared/requests';
import { TrainingClient } from '../../worker/client';
import { LiveSeries } from '../charts/liveSeries';
import { pageDebugOptions } from '../debugOptions';
import { StallWatch } from '../stallWatch';
import { UiStore } from '../store/uiStore';
import { browserProbeStorage, loadProbe, saveProbe } from '../backendProbeStore';
import { takeWorker } from '../prestartWorker';
import { countProgressMessage } from '../renderCount';

export interface TrainingWorker {
  /** The page's state; sections read it through useUi. */
  store: UiStore;
  live: LiveSeries;
  train: (config: TrainConfig) => void;
  stop: () => void;
  /** Hold the run in progress between mini-batches, go on, or (while held) train exactly one mini-batch. */
  pause: () => void;
  resume: () => void;
  step: () => void;
  /** Slow motion in steps a second (null: full speed), for the run in progress and the next ones. */
  setSpeed: (stepsPerSecond: number | null) => void;
  /** Ends the worker and starts a fresh one (after a crash or a stall); the charts and the log stay. */
  restart: () => void;
  /** Asks the worker something that has an answer (a prediction, the saved models…). */
  request: TrainingClient['request'];
}

export function useTrainingWorker(initial: { config: TrainConfig; problems: ConfigProblem[] }): TrainingWorker {
  const [store] = useState(() => new UiStore(initial));
  const dispatch = store.dispatch;
  const [live] = useState(() => new LiveSeries());
  const client = useRef<TrainingClient | null>(null);
  // Children's effects run before this hook's: a request made while the client is being created waits for it.
  const clientReady = useRef(waitForClient());
  const lastRunId = useRef(0);
  const [debug] = useState(pageDebugOptions);
  const [watch] = useState(() => new StallWatch(debug.stallMs));

  const backend = initial.config.backend;

  const train = useCallback(
    (config: TrainConfig) => {
      const runId = ++lastRunId.current;
      watch.start(performance.now());
      live.reset(config.xAxis);
      dispatch({ type: 'train-requested', runId, config });
      const stepsPerSecond = store.getState().run.stepsPerSecond;
      client.current?.send({ type: 'train', runId, config, stepsPerSecond });
    },
    [live, watch, dispatch, store],
  );

  useEffect(() => {
    let disposed = false;
    const onEvent = (event: WorkerEvent) => {
      // A terminated client's queued messages may still be delivered (StrictMode remounts in development).
      if (disposed) return;
      // The run on screen; a restarted worker never sends events of the run it replaced.
      const currentRun = store.getState().run.id;
      if (event.type === 'progress' && event.runId === currentRun) {
        countProgressMessage();
        // The live curves feed Chart.js's array listeners: a fault there must not keep the event from the page.
        try {
          live.append(event);
        } catch (e) {
          dispatch({
            type: 'ui-error',
            message: `The live curves could not be updated: ${e instanceof Error ? e.message : String(e)}`,
          });
        }
      }
      if (event.runId !== null && event.runId === currentRun) {
        // A paused run is silent on purpose: the watch rests until it goes on.
        if (event.type === 'run-finished' || event.type === 'error' || event.type === 'run-paused') watch.end();
        else if (event.type === 'run-resumed') watch.start(performance.now());
        else watch.beat(performance.now());
      }
      // Timeline marks the benchmark reads (time from page load to a chosen backend and to data in the worker).
      if (event.type === 'backend' || event.type === 'data-ready') performance.mark(`bnlab:${event.type}`);
      if (event.type === 'backend' && event.info.probeSource === 'measured' && event.info.probe)
        saveProbe(browserProbeStorage(), event.info.probe);
      dispatch({ type: 'worker-event', event });
      // The run the lost WebGL context ended starts again on the worker's new backend.
      const again = store.getState().run.config;
      if (
        event.type === 'backend-lost' &&
        event.interruptedRunId !== null &&
        event.interruptedRunId === currentRun &&
        again
      ) {
        train(again);
      }
    };
    const onFailure = (message: string) => {
      if (disposed) return;
      watch.end();
      dispatch({ type: 'worker-lost', message });
    };
    const instance = new TrainingClient(onEvent, takeWorker, onFailure);
    client.current = instance;
    clientReady.current.resolve(instance);
    // The worker picks its backend once, here; changing it means reloading the page (see BackendSelect).
    instance.send({
      type: 'init',
      backend,
      dataBaseUrl: new URL(MNIST_DIR, document.baseURI).href,
      cachedProbe: loadProbe(browserProbeStorage()),
      debug: debug.worker,
    });
    const timer = window.setInterval(() => {
      if (watch.check(performance.now()))
        dispatch({ type: 'worker-stalled', seconds: Math.round(watch.thresholdMs / 1000) });
    }, 1000);
    return () => {
      disposed = true;
      window.clearInterval(timer);
      watch.end();
      instance.dispose();
      if (client.current === instance) client.current = null;
      clientReady.current = waitForClient();
    };
  }, [live, backend, debug, watch, dispatch, store, train]);

  const restart = useCallback(() => {
    watch.end();
    client.current?.restart();
    dispatch({ type: 'worker-restarted' });
  }, [watch, dispatch]);

  const stop = useCallback(() => {
    const runId = store.getState().run.id;
    if (runId === null) return;
    dispatch({ type: 'stop-requested' });
    client.current?.send({ type: 'stop', runId });
  }, [dispatch, store]);

  // Each command names its run; the worker ignores one for a run it is no longer on.
  const sendToRun = useCallback(
    (make: (runId: number) => WorkerCommand) => {
      const runId = store.getState().run.id;
      if (runId !== null) client.current?.send(make(runId));
    },
    [store],
  );
  const pause = useCallback(() => {
    dispatch({ type: 'pause-requested' });
    sendToRun((runId) => ({ type: 'pause', runId }));
  }, [sendToRun, dispatch]);
  const resume = useCallback(() => {
    dispatch({ type: 'resume-requested' });
    sendToRun((runId) => ({ type: 'resume', runId }));
  }, [sendToRun, dispatch]);
  const step = useCallback(() => sendToRun((runId) => ({ type: 'step', runId })), [sendToRun]);
  const setSpeed = useCallback(
    (stepsPerSecond: number | null) => {
      dispatch({ type: 'speed-chosen', stepsPerSecond });
      sendToRun((runId) => ({ type: 'speed', runId, stepsPerSecond }));
    },
    [sendToRun, dispatch],
  );

  const request = useCallback(
    <C extends RequestType>(command: RequestOf<C>, transfer?: Transferable[]): Promise<AnswerTo<C>> => {
      const instance = client.current;
      if (instance) return instance.request(command, transfer);
      return clientReady.current.promise.then((ready) => ready.request(command, transfer));
    },
    [],
  );

  return { store, live, train, stop, pause, resume, step, setSpeed, restart, request };
}

/** A promise of the client, resolved when the effect creates it. */
function waitForClient(): { promise: Promise<TrainingClient>; resolve(client: TrainingClient): void } {
  let resolve: (client: TrainingClient) => void = () => {};
  const promise = new Promise<TrainingClient>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
