/** Types of the sample-event catalogue (`sam local generate-event`, in the browser). */

/**
 * How a parameter's text is read and checked. Every value is text, as on the `sam` command line:
 * `number` is a finite decimal, `integer` a whole number >= 0, `json` any JSON text, `jsonObject`
 * a JSON object, `enum` one of `options`, `time` an ISO-8601 UTC time, `region` an AWS Region
 * code, `account` a 12-digit account id.
 */
export type SampleParamType = 'text' | 'number' | 'integer' | 'json' | 'jsonObject' | 'enum' | 'time' | 'region' | 'account';

/** One parameter of a sample (a `sam local generate-event` tag). */
export interface SampleParam {
  /** Key in the params record, e.g. `bucket`. */
  name: string;
  /** Short label for a form field. */
  label: string;
  /** Default value, as text. */
  default: string;
  /** One line: where the value lands in the event. */
  description: string;
  /** How the text is read; `text` when absent. */
  type?: SampleParamType;
  /** Allowed values when `type` is `enum`. */
  options?: readonly string[];
}

/** Parameter values by name; a missing (undefined) value takes the parameter's default. */
export type SampleParams = Readonly<Record<string, string | undefined>>;

/**
 * What kind of payload a sample is: an EventBridge event on a bus (can become a producer
 * template), a Lambda event with `Records`, or an API Gateway proxy request.
 */
export type SampleShape = 'eventBridge' | 'lambdaRecords' | 'apiGateway';

/** One catalogue entry. */
export interface SampleEventDef {
  /** Stable id, `service.event-type` (e.g. `s3.put`). */
  id: string;
  /** Service family, as `sam local generate-event` names it (e.g. `s3`, `apigateway`). */
  service: string;
  title: string;
  description: string;
  shape: SampleShape;
  params: readonly SampleParam[];
  /**
   * Builds the event. Deterministic: the same params give a deep-equal result; ids are derived
   * from the sample id and the params. Throws {@link SampleParamError} for a bad value; use
   * `generateSample` for a Result.
   */
  build(params: SampleParams): unknown;
}

/** A parameter value that cannot be used, with the parameter's name. */
export class SampleParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'SampleParamError';
  }
}

/** A problem with one parameter (or, without `param`, with the sample itself), for a form. */
export interface SampleParamProblem {
  param?: string;
  message: string;
}
