/// <reference lib="webworker" />
// The only file that touches the worker global: it forwards messages to handleMessage.
import { createSession, handleMessage } from './handleMessage';

const session = createSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<unknown>) => {
  for (const reply of handleMessage(session, e.data)) scope.postMessage(reply);
};
