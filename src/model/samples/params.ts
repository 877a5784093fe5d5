/** Reading and checking sample parameters (all text, like `sam local generate-event` tags). */
import { idSource, isAccount, isRegion, parseIsoTime, type IdSource } from './ids';
import { SampleParamError, type SampleParam, type SampleParams, type SampleParamProblem } from './types';

/** The problem with one value for a parameter, in words; undefined when it is fine. */
export function checkParamValue(param: SampleParam, value: string): string | undefined {
  switch (param.type ?? 'text') {
    case 'text':
      return undefined;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? undefined : `${param.label} must be a number; got "${value}".`;
    case 'integer':
      return /^\d{1,15}$/.test(value.trim()) ? undefined : `${param.label} must be a whole number of 0 or more; got "${value}".`;
    case 'json':
    case 'jsonObject': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch (e) {
        return `${param.label} is not valid JSON: ${(e as Error).message}`;
      }
      const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      return param.type === 'jsonObject' && !isObject ? `${param.label} must be a JSON object ({...}).` : undefined;
    }
    case 'enum':
      return param.options?.includes(value) ? undefined : `${param.label} must be one of ${(param.options ?? []).join(', ')}; got "${value}".`;
    case 'time':
      return parseIsoTime(value) === undefined ? `${param.label} must be an ISO-8601 time such as 2025-01-01T00:00:00Z; got "${value}".` : undefined;
    case 'region':
      return isRegion(value) ? undefined : `${param.label} must be a Region code such as us-east-1; got "${value}".`;
    case 'account':
      return isAccount(value) ? undefined : `${param.label} must be a 12-digit account id; got "${value}".`;
  }
}

/** Each parameter's value, or its default when missing. Unknown names are ignored. */
export function resolveParams(defs: readonly SampleParam[], params: SampleParams): Record<string, string> {
  return Object.fromEntries(defs.map((d) => [d.name, params[d.name] ?? d.default]));
}

/** Every problem with a set of values (empty when all are usable). */
export function checkParams(defs: readonly SampleParam[], params: SampleParams): SampleParamProblem[] {
  const values = resolveParams(defs, params);
  const problems: SampleParamProblem[] = [];
  for (const d of defs) {
    const message = checkParamValue(d, values[d.name]);
    if (message !== undefined) problems.push({ param: d.name, message });
  }
  return problems;
}

/** Typed access to a sample's parameters; each getter throws {@link SampleParamError} on a bad value. */
export interface ParamReader {
  text(name: string): string;
  number(name: string): number;
  json(name: string): unknown;
  object(name: string): Record<string, unknown>;
  /** Epoch ms of a `time` parameter. */
  time(name: string): number;
  /** Deterministic ids for this sample and these values. */
  ids: IdSource;
}

/** A {@link ParamReader} over `params`, with ids seeded by the sample id and the resolved values. */
export function readParams(sampleId: string, defs: readonly SampleParam[], params: SampleParams): ParamReader {
  const values = resolveParams(defs, params);
  const get = (name: string): string => {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new SampleParamError(name, `Unknown parameter "${name}".`);
    const message = checkParamValue(def, values[name]);
    if (message !== undefined) throw new SampleParamError(name, message);
    return values[name];
  };
  return {
    text: get,
    number: (name) => Number(get(name)),
    json: (name) => JSON.parse(get(name)) as unknown,
    object: (name) => JSON.parse(get(name)) as Record<string, unknown>,
    time: (name) => parseIsoTime(get(name)) as number,
    ids: idSource(`${sampleId}\u0000${JSON.stringify(defs.map((d) => values[d.name]))}`),
  };
}

/** The Region parameter every sample has. */
export const REGION_PARAM: SampleParam = {
  name: 'region',
  label: 'Region',
  default: 'us-east-1',
  description: 'AWS Region of the resource (awsRegion / region, and inside ARNs).',
  type: 'region',
};

/** The account parameter. */
export const ACCOUNT_PARAM: SampleParam = {
  name: 'account',
  label: 'Account',
  default: '123456789012',
  description: '12-digit AWS account id (inside ARNs, account, SenderId).',
  type: 'account',
};

/** The event-time parameter. */
export const TIME_PARAM: SampleParam = {
  name: 'time',
  label: 'Time',
  default: '2025-01-01T12:00:00.000Z',
  description: 'When the event happened (ISO-8601 UTC); each service writes it in its own format.',
  type: 'time',
};

/** Region, account and time, the parameters every sample ends with. */
export const COMMON_PARAMS: readonly SampleParam[] = [REGION_PARAM, ACCOUNT_PARAM, TIME_PARAM];
