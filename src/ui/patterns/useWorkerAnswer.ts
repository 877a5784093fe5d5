import { useEffect, useRef, useState } from 'react';
import { patternRequest, type PatternAnswer, type PatternCall } from './patternClient';

/** The latest answer to a request that changes as the user types. */
export interface WorkerAnswer<T> {
  /** The answer to the most recent request sent (stale answers are dropped). */
  answer: T | null;
  /** Why there is no answer (the worker failed or timed out). */
  failure: string | null;
  /** A request is on its way. */
  pending: boolean;
  /** The request `answer` answers (compare it with the current one before trusting positions). */
  answered: PatternCall | null;
}

/**
 * Sends `call` to the pattern worker `delayMs` after it last changed (null: nothing to ask),
 * keeping only the answer to the newest request. `type` picks the expected reply.
 */
export function useWorkerAnswer<K extends PatternAnswer['type']>(call: PatternCall | null, type: K, delayMs = 250): WorkerAnswer<Extract<PatternAnswer, { type: K }>> {
  const [state, setState] = useState<WorkerAnswer<Extract<PatternAnswer, { type: K }>>>({ answer: null, failure: null, pending: false, answered: null });
  const seq = useRef(0);
  const key = call === null ? null : JSON.stringify(call);
  useEffect(() => {
    const mine = ++seq.current;
    if (key === null) {
      setState({ answer: null, failure: null, pending: false, answered: null });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const sent = JSON.parse(key) as PatternCall;
      void patternRequest(sent).then((a) => {
        if (mine !== seq.current) return;
        if (a.type === 'error') setState({ answer: null, failure: a.message, pending: false, answered: sent });
        else if (a.type === type) setState({ answer: a as Extract<PatternAnswer, { type: K }>, failure: null, pending: false, answered: sent });
        else setState({ answer: null, failure: `Unexpected reply ${a.type}.`, pending: false, answered: sent });
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, type, delayMs]);
  return state;
}
